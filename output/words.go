package output

import "github.com/rungs/rungs/internal/locale"

// Words returns the messages (internal/locale) a renderer writes its own
// few words with, such as a page footer, in the document's language: a
// BCP 47 tag as Language returns it ("fr", "fr-CA"). Only the primary
// subtag counts. A language Rungs does not write (a custom template may
// write the document in any language) gets English, as before languages
// existed, rather than failing a document over its page footer.
func Words(lang string) *locale.Catalog {
	if tag, ok := locale.Normalize(lang); ok {
		return locale.Must(tag)
	}
	return locale.English()
}
