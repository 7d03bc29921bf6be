//go:build !linux

package meili

import "net"

// Without TCP_QUICKACK the client turns keep-alive off instead, which also
// avoids the delayed-ACK wait.
const quickAckSupported = false

func withQuickAck(conn net.Conn) net.Conn {
	return conn
}
