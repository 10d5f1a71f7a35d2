// Command rungs generates tailored job descriptions and career ladders
// from a company's parameters and a responsibility catalog.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
