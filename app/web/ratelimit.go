package web

import (
	"errors"
	"math"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"passerelle/app/account"
)

// setRetryAfter tells a rate-limited client, in whole seconds, when to try again.
func setRetryAfter(c *fiber.Ctx, err error) {
	var limited *account.RateLimited
	if errors.As(err, &limited) {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(math.Ceil(limited.RetryAfter.Seconds()))))
	}
}
