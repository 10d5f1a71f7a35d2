// Package output writes finished documents: it names files, encodes JSON,
// and writes every file atomically (a temporary file in the same folder,
// then a rename), so a failed run never leaves a half-written document.
package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// JSON encodes v as indented JSON with a final newline. HTML characters
// are not escaped: the output is data for scripts, not for a web page.
func JSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Slug turns a name into a file-name-safe slug: lowercase ASCII letters and
// digits separated by single hyphens ("Café Crème, Inc." -> "cafe-creme-inc").
// It returns "" when nothing usable is left.
func Slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // drop accents left by the decomposition
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	out := b.String()
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], "-")
	}
	return out
}

// FileName is "<company-slug>-<document>.<ext>", or "<document>.<ext>"
// when the company has no usable name.
func FileName(company, document, ext string) string {
	if s := Slug(company); s != "" {
		return s + "-" + document + "." + ext
	}
	return document + "." + ext
}

// WriteFile writes data to path atomically: it writes a temporary file in
// the same folder, syncs it, and renames it over path. On any error the
// temporary file is removed and path is untouched.
func WriteFile(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("rename %s: %w", path, err)
	}
	return nil
}

// JoinKeywords joins document keywords for PDF, HTML and DOCX metadata:
// trimmed, empty ones dropped, separated by ", ".
func JoinKeywords(kw []string) string {
	var out []string
	for _, k := range kw {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return strings.Join(out, ", ")
}
