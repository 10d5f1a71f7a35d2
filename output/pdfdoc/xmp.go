package pdfdoc

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/rungs/rungs/output"
)

// docInfo is the metadata a PDF carries twice: in its document information
// dictionary, which every reader shows, and in an XMP packet, which
// archiving and search tools read. Both are written from this one value, so
// they agree.
type docInfo struct {
	title, author, subject, lang string
	keywords                     []string
	date                         time.Time
}

// producer names the library that writes the PDF; the creator, the tool
// that made the document, is Rungs.
const producer, creator = "go-pdf/fpdf", "Rungs"

// xmpPacket returns the XMP metadata of a document (ISO 16684-1, using the
// Dublin Core, XMP basic and Adobe PDF schemas as PDF readers expect them).
// Empty fields are left out, as in the document information dictionary.
// The packet is plain text, read-only ("end=r"), and has no padding: Rungs
// never edits a PDF in place.
func xmpPacket(d docInfo) []byte {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	alt := func(tag, v string) {
		if v != "" {
			b.WriteString("   <" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(v) + "</rdf:li></rdf:Alt></" + tag + ">\n")
		}
	}
	list := func(tag, kind string, vs []string) {
		if len(vs) == 0 {
			return
		}
		b.WriteString("   <" + tag + "><rdf:" + kind + ">")
		for _, v := range vs {
			b.WriteString("<rdf:li>" + esc(v) + "</rdf:li>")
		}
		b.WriteString("</rdf:" + kind + "></" + tag + ">\n")
	}
	simple := func(tag, v string) {
		if v != "" {
			b.WriteString("   <" + tag + ">" + esc(v) + "</" + tag + ">\n")
		}
	}
	// The document information dictionary stores dates to the second
	// without a time zone; the XMP dates are the same instant in UTC.
	date := d.date.UTC().Format("2006-01-02T15:04:05Z")

	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
	b.WriteString(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("  <rdf:Description rdf:about=\"\"\n")
	b.WriteString("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
	b.WriteString("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n")
	b.WriteString("    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
	simple("dc:format", "application/pdf")
	alt("dc:title", d.title)
	if d.author != "" {
		list("dc:creator", "Seq", []string{d.author})
	}
	alt("dc:description", d.subject)
	list("dc:subject", "Bag", d.keywords)
	list("dc:language", "Bag", []string{d.lang})
	simple("pdf:Keywords", output.JoinKeywords(d.keywords))
	simple("pdf:Producer", producer)
	simple("xmp:CreatorTool", creator)
	simple("xmp:CreateDate", date)
	simple("xmp:ModifyDate", date)
	simple("xmp:MetadataDate", date)
	b.WriteString("  </rdf:Description>\n")
	b.WriteString(" </rdf:RDF>\n")
	b.WriteString("</x:xmpmeta>\n")
	b.WriteString("<?xpacket end=\"r\"?>")
	return b.Bytes()
}
