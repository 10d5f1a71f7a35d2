// Package output writes finished documents: it names files, encodes JSON,
// and writes every file atomically (a temporary file in the same folder,
// then a rename), so a failed run never leaves a half-written document.
package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unicode"
	"unicode/utf8"

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

// Slug turns a name into a file-name-safe slug: lowercase letters and
// digits of any script, separated by single hyphens ("Café Crème, Inc."
// -> "cafe-creme-inc", "Ωμέγα Λτδ" -> "ωμεγα-λτδ", "株式会社カブ" ->
// "株式会社カブ"). Accents are dropped from Latin, Greek and Cyrillic
// letters, as a reader would type the name; the marks other scripts need
// (Devanagari vowel signs, Japanese voicing marks) are kept. Punctuation,
// symbols, emoji, spaces and control or formatting characters (bidi
// marks included) become hyphens. The slug is at most 80 bytes, cut at a
// character boundary. It returns "" when nothing usable is left.
func Slug(s string) string {
	var b strings.Builder
	hyphen := false
	dropMarks := true // after a Latin, Greek or Cyrillic letter
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
			if b.Len() == 0 || hyphen || dropMarks {
				continue
			}
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			dropMarks = r < 0x80 || unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	out := norm.NFC.String(b.String())
	if len(out) > maxSlug {
		cut := maxSlug
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = strings.TrimRight(out[:cut], "-")
	}
	return out
}

const maxSlug = 80

// NameSlug is Slug for a name that must show in a file name: when the
// name has no letter or digit at all (only emoji or symbols), it falls
// back to "name-" and a short stable hash of the name, so the file is
// never named as if there were no name, and two such names do not share
// a file. It returns "" only for a blank name.
func NameSlug(s string) string {
	if sl := Slug(s); sl != "" {
		return sl
	}
	t := norm.NFC.String(strings.TrimSpace(s))
	if t == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(t))
	return "name-" + hex.EncodeToString(sum[:4])
}

// FileName is "<company-slug>-<document>.<ext>", or "<document>.<ext>"
// when the company has no name. See NameSlug.
func FileName(company, document, ext string) string {
	if s := NameSlug(company); s != "" {
		return s + "-" + document + "." + ext
	}
	return document + "." + ext
}

// WriteFile writes data to path atomically and durably: it writes a
// temporary file in the same folder, syncs it, and renames it over path.
// On any error the temporary file is removed and path is untouched.
func WriteFile(path string, data []byte) error {
	return WriteFileSync(path, data, true)
}

// WriteFileSync writes data to path atomically: a temporary file in the
// same folder, renamed over path once complete, so a reader or a process
// killed at any moment (SIGKILL) sees the old file or the new one, never
// part of one. The rename alone gives that. With sync, the temporary file
// is also flushed to the disk before the rename, so that a power cut
// cannot leave an empty or partial file under the new name; call SyncDir
// on the folder afterwards to make the rename itself durable. The flush
// is most of the cost of writing a small file, which is why a batch of
// thousands of files leaves it to --sync.
func WriteFileSync(path string, data []byte, sync bool) (err error) {
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
	if sync {
		if err = tmp.Sync(); err != nil {
			return err
		}
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("rename %s: %w", path, err)
	}
	return nil
}

// SyncDir flushes a folder's entries to the disk: after renames into it,
// the new names survive a power cut.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		// Windows cannot open a folder for flushing; its renames are
		// made durable by the file system's own journal.
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
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
