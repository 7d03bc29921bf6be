package mail

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// Outbox is the embedded default Sender: each message becomes an .eml file
// that any mail client opens, so a fresh install needs no SMTP server.
type Outbox struct {
	dir  string
	from Address
}

var _ Sender = (*Outbox)(nil)

// fileTimeLayout sorts lexically in time order; UTC keeps that true across
// daylight-saving changes.
const fileTimeLayout = "20060102T150405.000"

// tempPrefix marks files being written: they never end in .eml, so readers
// listing *.eml only ever see complete messages.
const tempPrefix = ".tmp-"

// NewOutbox creates dir if needed and returns a Sender writing into it.
func NewOutbox(dir string, from Address) (*Outbox, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("mail: create outbox %s: %w", dir, err)
	}
	return &Outbox{dir: dir, from: from}, nil
}

// Dir is the folder the messages are written to.
func (o *Outbox) Dir() string { return o.dir }

// Send writes msg atomically as <UTC time>-<message id>.eml.
func (o *Outbox) Send(ctx context.Context, msg Message) error {
	return o.SendCommitted(ctx, msg, func(context.Context) error { return nil })
}

// writeTemp writes and syncs the message under a temporary name in the same
// folder, so that publishing it is a same-filesystem link.
func (o *Outbox) writeTemp(m *gomail.Msg) (string, error) {
	f, err := os.CreateTemp(o.dir, tempPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("mail: outbox temp file: %w", err)
	}
	_, err = m.WriteTo(f)
	if err == nil {
		err = f.Sync()
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("mail: write outbox message: %w", err)
	}
	return f.Name(), nil
}

// publish gives the complete file its final name with a hard link, which
// (unlike rename) never replaces an existing file: a resend with the same ID
// in the same millisecond stays visible as a second file instead of hiding
// the duplicate.
func (o *Outbox) publish(tmp, base string) error {
	for n := 1; ; n++ {
		name := base + ".eml"
		if n > 1 {
			name = base + "-" + strconv.Itoa(n) + ".eml"
		}
		err := os.Link(tmp, filepath.Join(o.dir, name))
		if !errors.Is(err, fs.ErrExist) {
			if err != nil {
				return fmt.Errorf("mail: publish outbox message: %w", err)
			}
			return syncDir(o.dir)
		}
	}
}

// syncDir makes the new directory entry durable, so that a crash right after
// Send returns cannot lose a message reported as sent.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("mail: sync outbox: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("mail: sync outbox: %w", err)
	}
	return nil
}

// Ready checks that the folder accepts new files.
func (o *Outbox) Ready(ctx context.Context) error {
	f, err := os.CreateTemp(o.dir, tempPrefix+"ready-*")
	if err != nil {
		return fmt.Errorf("mail: outbox %s not writable: %w", o.dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// Close releases nothing: each Send opens and closes its own files.
func (o *Outbox) Close() error { return nil }

// fileSafe keeps a message id usable as a file name on any system.
func fileSafe(id string) string {
	return replaceBytes(id, '_', func(b []byte, i int) bool {
		return isAlnum(b[i]) || strings.IndexByte("-_.@", b[i]) >= 0
	})
}
