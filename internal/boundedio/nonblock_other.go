//go:build !unix

package boundedio

const nonblock = 0
