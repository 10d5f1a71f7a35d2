package catalog

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Similarity is the share of distinct content words two texts have in
// common (Jaccard index over lowercase words of four letters or more). It
// is used to keep near-duplicate bullets out of the catalog and out of a
// generated document.
func Similarity(a, b string) float64 {
	wa, wb := cachedWords(a), cachedWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(wa)+len(wb)-inter)
}

func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) >= 4 {
			out[w] = true
		}
	}
	return out
}

// The texts compared are catalog items, the same few hundred for every
// document: a batch of thousands of documents would split them into words
// again and again. Their word sets are kept (read-only, shared between
// goroutines), up to a bound so arbitrary texts cannot grow memory.
var (
	wordCache     sync.Map // text -> map[string]bool
	wordCacheSize atomic.Int64
)

const wordCacheMax = 20000

func cachedWords(s string) map[string]bool {
	if v, ok := wordCache.Load(s); ok {
		return v.(map[string]bool)
	}
	w := words(s)
	if wordCacheSize.Load() < wordCacheMax {
		if _, loaded := wordCache.LoadOrStore(s, w); !loaded {
			wordCacheSize.Add(1)
		}
	}
	return w
}
