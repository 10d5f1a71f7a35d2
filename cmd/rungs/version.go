package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of rungs, the commit it was built from and the Go version",
		Long: `Print the version of rungs: the module version (a release tag for
go install ...@vX.Y.Z, a pseudo-version for a build in a clone), then the
commit, its time and whether the clone had uncommitted changes, when the
build recorded them, and the Go version. rungs --version prints the same.
Give these lines in a bug report.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := fmt.Fprint(a.stdout, versionText()); err != nil {
				return failure(err)
			}
			return nil
		},
	}
}

// versionText is what rungs version and rungs --version print.
func versionText() string {
	bi, _ := debug.ReadBuildInfo()
	return formatVersion(version, bi, runtime.Version())
}

// formatVersion writes "rungs VERSION" and, when the build recorded them,
// the commit lines, from the -ldflags version or the build information.
// go install module@version records the module version but no commit; a
// go build in a clone records both (Go 1.24 and later derive a
// pseudo-version from the commit).
func formatVersion(ldflags string, bi *debug.BuildInfo, goVersion string) string {
	v := ldflags
	settings := map[string]string{}
	if bi != nil {
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		if goVersion == "" {
			goVersion = bi.GoVersion
		}
	}
	if v == "" {
		v = "dev"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "rungs %s\n", v)
	if rev := settings["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, "commit: %s\n", rev)
		if t := settings["vcs.time"]; t != "" {
			fmt.Fprintf(&b, "commit time: %s\n", t)
		}
		if settings["vcs.modified"] == "true" {
			b.WriteString("modified: yes, built with uncommitted changes\n")
		}
	}
	fmt.Fprintf(&b, "go: %s %s/%s\n", goVersion, runtime.GOOS, runtime.GOARCH)
	return b.String()
}
