//go:build unix

package boundedio

import "syscall"

const nonblock = syscall.O_NONBLOCK
