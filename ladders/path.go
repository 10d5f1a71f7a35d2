package ladders

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/rungs/rungs/internal/strictyaml"
)

// LoadPath reads a user's ladder: one YAML file holding a whole ladder, or
// a folder of ladder files (as `rungs init --eject` writes them). The
// user's ladder replaces the built-in one and goes through the same strict
// loading and cross-reference checks. It also returns the files read.
func LoadPath(p string) (*Ladder, []string, error) {
	st, err := os.Stat(p)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, nil, &strictyaml.Error{File: p, Msg: "ladder: " + err.Error()}
	}
	if st.IsDir() {
		files, _ := filepath.Glob(filepath.Join(p, "*.y*ml"))
		l, err := LoadFS(os.DirFS(p), ".", filepath.Clean(p)+string(filepath.Separator))
		return l, files, err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, nil, &strictyaml.Error{File: p, Msg: "ladder: " + err.Error()}
	}
	l := &Ladder{}
	if err := l.add(p, data); err != nil {
		return nil, nil, err
	}
	if err := l.finish(); err != nil {
		return nil, nil, err
	}
	return l, []string{p}, nil
}
