package pdfdoc

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

// xmpDoc is what the test reads back from the XMP packet.
type xmpDoc struct {
	Description struct {
		Format      string   `xml:"http://purl.org/dc/elements/1.1/ format"`
		Title       []string `xml:"title>Alt>li"`
		Creator     []string `xml:"creator>Seq>li"`
		Description []string `xml:"description>Alt>li"`
		Subject     []string `xml:"subject>Bag>li"`
		Language    []string `xml:"language>Bag>li"`
		Keywords    string   `xml:"http://ns.adobe.com/pdf/1.3/ Keywords"`
		Producer    string   `xml:"http://ns.adobe.com/pdf/1.3/ Producer"`
		CreatorTool string   `xml:"http://ns.adobe.com/xap/1.0/ CreatorTool"`
		CreateDate  string   `xml:"http://ns.adobe.com/xap/1.0/ CreateDate"`
		ModifyDate  string   `xml:"http://ns.adobe.com/xap/1.0/ ModifyDate"`
	} `xml:"RDF>Description"`
}

func readXMP(t *testing.T, pdf []byte) xmpDoc {
	t.Helper()
	start := bytes.Index(pdf, []byte("<x:xmpmeta"))
	end := bytes.Index(pdf, []byte("</x:xmpmeta>"))
	if start < 0 || end < start {
		t.Fatal("no XMP packet in the PDF")
	}
	if !bytes.Contains(pdf, []byte("/Type /Metadata /Subtype /XML")) || !bytes.Contains(pdf, []byte("/Metadata ")) {
		t.Fatal("the XMP packet is not the catalog's /Metadata stream")
	}
	var x xmpDoc
	if err := xml.Unmarshal(pdf[start:end+len("</x:xmpmeta>")], &x); err != nil {
		t.Fatalf("XMP is not well-formed XML: %v", err)
	}
	return x
}

// The XMP packet and the document information dictionary say the same
// things; the PDF declares version 1.4, where metadata streams begin.
func TestMetadataXMP(t *testing.T) {
	date := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	pdf := render(t, "# Staff Engineer\n\nText.\n", Options{
		Title: "Staff Engineer", Author: "Crème & Brûlée <Labs>", Subject: "Level card: Staff Engineer at Crème & Brûlée <Labs>",
		Keywords: []string{"Staff Engineer", "level card", "Acme, Inc."}, Language: "fr-CA", Date: date,
	})
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4\n")) {
		t.Errorf("header %q, want %%PDF-1.4", pdf[:9])
	}
	info := inspect(t, pdf).ctx.XRefTable
	x := readXMP(t, pdf).Description
	for _, c := range []struct{ field, info, xmp string }{
		{"title", info.Title, one(x.Title)},
		{"author", info.Author, one(x.Creator)},
		{"subject", info.Subject, one(x.Description)},
		{"keywords", info.Keywords, x.Keywords},
		{"creator", info.Creator, x.CreatorTool},
		{"producer", info.Producer, x.Producer},
	} {
		if c.info != c.xmp || c.info == "" {
			t.Errorf("%s: info %q, XMP %q", c.field, c.info, c.xmp)
		}
	}
	if got := strings.Join(x.Subject, "|"); got != "Staff Engineer|level card|Acme, Inc." {
		t.Errorf("dc:subject %q", got)
	}
	if one(x.Language) != "fr-CA" || !bytes.Contains(pdf, []byte("/Lang (fr-CA)")) {
		t.Errorf("language: XMP %q", x.Language)
	}
	if x.Format != "application/pdf" {
		t.Errorf("dc:format %q", x.Format)
	}
	if !bytes.Contains(pdf, []byte("/CreationDate (D:20260301093000)")) || x.CreateDate != "2026-03-01T09:30:00Z" || x.ModifyDate != x.CreateDate || info.ModDate != info.CreationDate {
		t.Errorf("dates: info %q %q, XMP %q %q", info.CreationDate, info.ModDate, x.CreateDate, x.ModifyDate)
	}
}

// Without a company the author is left out of both (Rungs is the creator
// tool, not the author of a company's document).
func TestMetadataNoAuthor(t *testing.T) {
	pdf := render(t, "# Engineering career ladder\n", Options{Title: "Engineering career ladder"})
	if bytes.Contains(pdf, []byte("/Author")) {
		t.Error("an empty author is written to the document information")
	}
	x := readXMP(t, pdf).Description
	if len(x.Creator) != 0 || one(x.Title) != "Engineering career ladder" {
		t.Errorf("XMP creator %q, title %q", x.Creator, x.Title)
	}
	if x.CreateDate != "2000-01-01T00:00:00Z" {
		t.Errorf("default date: %q", x.CreateDate)
	}
}

func one(v []string) string { return strings.Join(v, "|") }
