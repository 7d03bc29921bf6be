package meili

import (
	"net"
	"syscall"
)

const quickAckSupported = true

// quickAckConn re-arms TCP_QUICKACK after every read, because Linux clears
// it again as soon as the connection looks interactive.
type quickAckConn struct {
	*net.TCPConn
	raw syscall.RawConn
}

func withQuickAck(conn net.Conn) net.Conn {
	tcp, ok := conn.(*net.TCPConn)
	if !ok {
		return conn
	}
	raw, err := tcp.SyscallConn()
	if err != nil {
		return conn
	}
	c := &quickAckConn{TCPConn: tcp, raw: raw}
	c.quickAck()
	return c
}

func (c *quickAckConn) Read(p []byte) (int, error) {
	n, err := c.TCPConn.Read(p)
	c.quickAck()
	return n, err
}

// quickAck is best effort: a failure only costs latency.
func (c *quickAckConn) quickAck() {
	_ = c.raw.Control(func(fd uintptr) {
		_ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_QUICKACK, 1)
	})
}
