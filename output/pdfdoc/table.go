package pdfdoc

import (
	east "github.com/yuin/goldmark/extension/ast"
)

// Tables.
//
// A table too wide for a portrait page goes on landscape pages rather than
// being split into column groups: a career-ladder overview is read across a
// row (one level, every dimension), and a split would separate the cells of
// a row onto different sheets. Landscape gives ~40% more width, and the type
// shrinks a little for very many columns. The document returns to portrait
// pages after the table.
//
// Rows are never split across pages (unless one row alone is taller than a
// page), and the header row is repeated at the top of each page.

const (
	cellPadX = 5
	cellPadY = 3.5
	// wordCap bounds the width a single long word (a URL) may claim as its
	// column's minimum; longer words are broken inside the cell instead.
	wordCap = 110
	// maxPortraitCols: more columns than this is too dense for a portrait
	// page even when the words are short.
	maxPortraitCols = 5
	// labelShare is the largest share of a table's width a first column
	// of row labels takes whole, so its labels do not wrap.
	labelShare = 0.25
)

type tcell struct {
	items      []item
	align      east.Alignment
	minW, maxW float64
	lines      []line
}

type tableLayout struct {
	rows     [][]tcell // rows[0] is the header
	cols     int
	wide     bool
	style    textStyle
	widths   []float64
	heights  []float64
	measured float64 // the width the layout was made for
	fitSize  float64 // the size cap the layout was made with
	// maxSize caps the type size (0: no cap), so a table can shrink a
	// little to share a page with its introduction.
	maxSize float64
}

func (r *renderer) tableIsWide(t *east.Table) bool {
	return r.tableLayout(t).wide
}

func (r *renderer) tableLayout(t *east.Table) *tableLayout {
	if tl, ok := r.tables[t]; ok {
		return tl
	}
	if r.tables == nil {
		r.tables = map[*east.Table]*tableLayout{}
	}
	tl := &tableLayout{}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		base := span{face: faceRegular}
		if _, ok := row.(*east.TableHeader); ok {
			base.face = faceBold
		}
		var cells []tcell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			tc := tcell{}
			if cell, ok := c.(*east.TableCell); ok {
				tc.align = cell.Alignment
			}
			tc.items = r.items(r.collect(c, base, nil), 1)
			cells = append(cells, tc)
		}
		tl.cols = max(tl.cols, len(cells))
		tl.rows = append(tl.rows, cells)
	}
	for i := range tl.rows {
		for len(tl.rows[i]) < tl.cols {
			tl.rows[i] = append(tl.rows[i], tcell{})
		}
	}
	// Items were measured at 1 pt, so widths scale with the chosen size.
	for i := range tl.rows {
		for j := range tl.rows[i] {
			c := &tl.rows[i][j]
			c.minW, c.maxW = measureCell(c.items)
		}
	}
	indent := r.left - marginSide
	portrait := r.contentWidth(false) - indent
	tl.style = textStyle{size: 9, leading: 12.2, color: colText}
	if tl.cols > 0 {
		tl.wide = tl.cols > maxPortraitCols || tl.minSum(tl.style.size) > portrait
	}
	r.tables[t] = tl
	return tl
}

// measureCell returns the widths at 1 pt: the widest word (capped) and the
// widest hard-broken line.
func measureCell(items []item) (minW, maxW float64) {
	word, lineW := 0.0, 0.0
	for _, it := range items {
		switch it.kind {
		case itemBox:
			word += it.w
			lineW += it.w
			continue
		case itemGlue:
			lineW += it.w
		case itemBreak:
			maxW = max(maxW, lineW)
			lineW = 0
		}
		minW = max(minW, word)
		word = 0
	}
	minW = max(minW, word)
	maxW = max(maxW, lineW)
	return minW, maxW
}

func (tl *tableLayout) minSum(size float64) float64 {
	sum := 0.0
	for j := range tl.cols {
		m := 0.0
		for _, row := range tl.rows {
			m = max(m, min(row[j].minW*size, wordCap))
		}
		sum += m + 2*cellPadX
	}
	return sum
}

// fit chooses the type size and column widths for the given width, using
// the browsers' automatic table layout: every column gets its minimum, the
// rest is shared in proportion to how much more each column would like.
func (r *renderer) fitTable(tl *tableLayout, width float64) {
	if tl.measured == width && tl.fitSize == tl.maxSize && tl.widths != nil {
		return
	}
	tl.measured, tl.fitSize = width, tl.maxSize
	st := textStyle{size: 9, leading: 12.2, color: colText}
	switch {
	case tl.cols >= 12:
		st = textStyle{size: 7.5, leading: 10, color: colText}
	case tl.cols >= 9:
		st = textStyle{size: 8, leading: 10.8, color: colText}
	}
	if tl.maxSize > 0 && st.size > tl.maxSize {
		st = textStyle{size: tl.maxSize, leading: tl.maxSize * 1.35, color: colText}
	}
	// Shrink the type (down to 7 pt) if the minimum widths do not fit.
	for st.size > 7 && tl.minSum(st.size) > width {
		st.size -= 0.5
		st.leading = st.size * 1.35
	}
	tl.style = st
	size := st.size

	minW := make([]float64, tl.cols)
	maxW := make([]float64, tl.cols)
	for j := range tl.cols {
		for _, row := range tl.rows {
			minW[j] = max(minW[j], min(row[j].minW*size, wordCap))
			maxW[j] = max(maxW[j], row[j].maxW*size)
		}
		maxW[j] = max(maxW[j], minW[j])
	}
	avail := width - float64(tl.cols)*2*cellPadX
	var sumMin, sumMax float64
	for j := range tl.cols {
		sumMin += minW[j]
		sumMax += maxW[j]
	}
	w := make([]float64, tl.cols)
	switch {
	case avail <= 0 || sumMax == 0:
		for j := range w {
			w[j] = max(avail, 0) / float64(tl.cols)
		}
	case sumMax <= avail:
		// Everything fits on one line per cell: widen in proportion so
		// the table spans the text column.
		for j := range w {
			w[j] = maxW[j] * avail / sumMax
		}
	case tl.cols > 2 && maxW[0] <= labelShare*avail:
		// Row labels (a level's title) stay whole when they are short:
		// the first column gets its full width, the rest share the
		// remainder.
		w[0] = maxW[0]
		distribute(w[1:], minW[1:], maxW[1:], avail-maxW[0])
	default:
		distribute(w, minW, maxW, avail)
	}
	for j := range w {
		w[j] += 2 * cellPadX
	}
	tl.widths = w

	tl.heights = make([]float64, len(tl.rows))
	for i := range tl.rows {
		h := 0.0
		for j := range tl.rows[i] {
			c := &tl.rows[i][j]
			c.lines = nil
			if len(c.items) > 0 {
				c.lines = r.breakScaled(c.items, w[j]-2*cellPadX, size)
			}
			h = max(h, float64(len(c.lines))*st.leading)
		}
		tl.heights[i] = max(h, st.leading) + 2*cellPadY
	}
}

// distribute shares avail between columns whose content does not all fit on
// one line. Narrow columns (a level code, a short name) whose whole content
// fits in a fair share get it, so they never wrap; the rest follow the
// browsers' automatic table layout: each gets its minimum, and what is left
// goes in proportion to how much more each would like.
func distribute(w, minW, maxW []float64, avail float64) {
	open := make([]bool, len(w))
	nOpen := len(w)
	for j := range open {
		open[j] = true
	}
	for changed := true; changed && nOpen > 0; {
		changed = false
		share := avail / float64(nOpen)
		for j := range w {
			if open[j] && maxW[j] <= share {
				w[j] = maxW[j]
				avail -= maxW[j]
				open[j] = false
				nOpen--
				changed = true
			}
		}
	}
	var sumMin, sumMax float64
	for j := range w {
		if open[j] {
			sumMin += minW[j]
			sumMax += maxW[j]
		}
	}
	for j := range w {
		if !open[j] {
			continue
		}
		switch {
		case sumMin >= avail:
			w[j] = minW[j] * max(avail, 0) / sumMin
		default:
			w[j] = minW[j] + (maxW[j]-minW[j])*(avail-sumMin)/(sumMax-sumMin)
		}
	}
}

// breakScaled breaks items measured at 1 pt for the given size.
func (r *renderer) breakScaled(items []item, width, size float64) []line {
	scaled := make([]item, len(items))
	for i, it := range items {
		it.w *= size
		scaled[i] = it
	}
	return r.breakLines(scaled, width, size)
}

func (r *renderer) table(t *east.Table) {
	tl := r.tableLayout(t)
	if tl.cols == 0 {
		return
	}
	r.space(6)
	r.fitTable(tl, r.width)
	st := tl.style
	hasHeader := len(tl.rows) > 0
	if _, ok := t.FirstChild().(*east.TableHeader); !ok {
		hasHeader = false
	}
	// The header repeats on each page unless it is so tall that it would
	// crowd out the rows.
	repeat := hasHeader && tl.heights[0] < (r.bottom-marginTop)/3

	// next is the row that starts the next page when the widow rule (see
	// widowBreak) moves a row there early; -1 otherwise.
	next := -1
	for i := range tl.rows {
		h := tl.heights[i]
		first := i == 0
		if !first && !r.atTop && (!r.fits(h) || i == next) {
			r.newPage(r.landscape)
			if repeat {
				r.tableRow(tl, 0, r.place(tl.heights[0]), st)
			}
			next = r.widowBreak(tl, i)
		} else if first && hasHeader && len(tl.rows) > 1 && !r.fits(h+tl.heights[1]) && !r.atTop {
			// Keep the header with the first row.
			r.newPage(r.landscape)
		}
		if i == 0 && !hasHeader || i == 1 && hasHeader {
			next = r.widowBreak(tl, i)
		}
		if h > r.bottom-r.y && h > r.bottom-marginTop-tl.heights[0] {
			// One row taller than a page: the only case a row is split.
			r.tallRow(tl, i, st, repeat)
			continue
		}
		top := r.place(h)
		if first {
			r.drawMarkers(top + cellPadY + baseline(st.leading, st.size))
		}
		r.tableRow(tl, i, top, st)
	}
	r.space(paraAfter + 3)
}

// widowBreak looks ahead from row i, the first row on a page: when the
// rows that fit leave exactly one row for the next page, it returns the row
// to start that page with instead, so at least two rows (and the repeated
// header) go over together; a lone row under a repeated header reads as a
// mistake. It returns -1 when no row needs to move.
func (r *renderer) widowBreak(tl *tableLayout, i int) int {
	y := r.y
	if !r.atTop {
		y += r.gap
	}
	n := len(tl.rows)
	m := 0
	for k := i; k < n && y+tl.heights[k] <= r.bottom; k++ {
		y += tl.heights[k]
		m++
	}
	if i+m == n-1 && m >= 2 {
		return n - 2
	}
	return -1
}

func (r *renderer) tableRow(tl *tableLayout, i int, top float64, st textStyle) {
	h := tl.heights[i]
	r.rowBackground(tl, i, top, h)
	x := r.left
	for j := range tl.cols {
		c := &tl.rows[i][j]
		lineTop := top + cellPadY
		for _, ln := range c.lines {
			r.drawLine(ln, x+cellPadX+alignOffset(c.align, tl.widths[j]-2*cellPadX, ln.w), lineTop, st)
			lineTop += st.leading
		}
		x += tl.widths[j]
	}
	r.rowGrid(tl, top, h)
}

func (r *renderer) rowBackground(tl *tableLayout, i int, top, h float64) {
	total := 0.0
	for _, w := range tl.widths {
		total += w
	}
	switch {
	case i == 0:
		r.setFill(colHeadFill)
	case i%2 == 0:
		r.setFill(colStripe)
	default:
		return
	}
	r.pdf.Rect(r.left, top, total, h, "F")
}

func (r *renderer) rowGrid(tl *tableLayout, top, h float64) {
	r.setDraw(colGrid)
	r.pdf.SetLineWidth(0.5)
	x := r.left
	for _, w := range tl.widths {
		r.pdf.Rect(x, top, w, h, "D")
		x += w
	}
}

// tallRow draws a row taller than a page line by line, continuing each cell
// on the next page.
func (r *renderer) tallRow(tl *tableLayout, i int, st textStyle, repeat bool) {
	next := make([]int, tl.cols)
	for {
		if !r.atTop && r.bottom-r.y < st.leading*3+2*cellPadY {
			r.newPage(r.landscape)
			if repeat {
				r.tableRow(tl, 0, r.place(tl.heights[0]), st)
			}
		}
		avail := r.bottom - r.y - 2*cellPadY
		n := max(int(avail/st.leading), 1)
		rows := 0
		for j := range tl.cols {
			rows = max(rows, min(n, len(tl.rows[i][j].lines)-next[j]))
		}
		h := float64(max(rows, 1))*st.leading + 2*cellPadY
		top := r.place(h)
		r.rowBackground(tl, i, top, h)
		x := r.left
		done := true
		for j := range tl.cols {
			c := &tl.rows[i][j]
			lineTop := top + cellPadY
			for k := 0; k < n && next[j] < len(c.lines); k++ {
				ln := c.lines[next[j]]
				r.drawLine(ln, x+cellPadX+alignOffset(c.align, tl.widths[j]-2*cellPadX, ln.w), lineTop, st)
				lineTop += st.leading
				next[j]++
			}
			if next[j] < len(c.lines) {
				done = false
			}
			x += tl.widths[j]
		}
		r.rowGrid(tl, top, h)
		if done {
			return
		}
		r.newPage(r.landscape)
		if repeat {
			r.tableRow(tl, 0, r.place(tl.heights[0]), st)
		}
	}
}

func alignOffset(a east.Alignment, width, lineW float64) float64 {
	switch a {
	case east.AlignRight:
		return max(width-lineW, 0)
	case east.AlignCenter:
		return max((width-lineW)/2, 0)
	}
	return 0
}
