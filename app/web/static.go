package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"
)

//go:embed static
var staticFS embed.FS

// assets serves the embedded static files under URLs that carry a checksum of
// their content, so browsers may cache them forever.
type assets struct {
	urls  map[string]string // name → /static/name.<hash>.ext
	files map[string][]byte // hashed name → content
}

func loadAssets() *assets {
	a := &assets{urls: map[string]string{}, files: map[string][]byte{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		a.urls[name] = "/static/" + hashed
		a.files[hashed] = data
		return nil
	})
	if err != nil {
		panic("embedded static files unreadable: " + err.Error())
	}
	return a
}

// url returns the checksummed URL of a static file; templates call it as {{asset "app.css"}}.
func (a *assets) url(name string) string {
	if u, ok := a.urls[name]; ok {
		return u
	}
	panic("unknown static file " + name)
}

func (a *assets) serve(c *fiber.Ctx) error {
	name := c.Params("*")
	data, ok := a.files[name]
	if !ok {
		return fiber.ErrNotFound
	}
	cacheable(c, "public, max-age=31536000, immutable")
	c.Set(fiber.HeaderContentType, mime.TypeByExtension(path.Ext(name)))
	return c.Send(data)
}
