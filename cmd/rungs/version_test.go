package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestFormatVersion(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	clone := &debug.BuildInfo{
		GoVersion: "go1.26.0",
		Main:      debug.Module{Path: "github.com/rungs/rungs", Version: "v0.0.0-20261202115217-bfb3009a1b2c+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "bfb3009a1b2c3d4e5f60718293a4b5c6d7e8f901"},
			{Key: "vcs.time", Value: "2026-12-02T11:52:17Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	for _, tc := range []struct {
		name, ldflags string
		bi            *debug.BuildInfo
		want          string
	}{
		{"clone", "", clone, "rungs v0.0.0-20261202115217-bfb3009a1b2c+dirty\n" +
			"commit: bfb3009a1b2c3d4e5f60718293a4b5c6d7e8f901\n" +
			"commit time: 2026-12-02T11:52:17Z\n" +
			"modified: yes, built with uncommitted changes\n" +
			"go: go1.26.0 " + platform + "\n"},
		{"go install at a tag", "", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.4.0"}},
			"rungs v1.4.0\ngo: go1.26.0 " + platform + "\n"},
		{"ldflags win", "v2.0.0", clone, "rungs v2.0.0\n" +
			"commit: bfb3009a1b2c3d4e5f60718293a4b5c6d7e8f901\n" +
			"commit time: 2026-12-02T11:52:17Z\n" +
			"modified: yes, built with uncommitted changes\n" +
			"go: go1.26.0 " + platform + "\n"},
		{"devel without VCS", "", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}},
			"rungs dev\ngo: go1.26.0 " + platform + "\n"},
		{"no build info", "", nil, "rungs dev\ngo: go1.26.0 " + platform + "\n"},
	} {
		goVersion := ""
		if tc.bi == nil {
			goVersion = "go1.26.0"
		}
		if got := formatVersion(tc.ldflags, tc.bi, goVersion); got != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
