package l10n

import "sync"

// Cache keeps, for one piece of content (a catalog, a ladder), its
// translation in each language, made once on first use: a batch of
// thousands of French postings translates the catalog once.
type Cache[T any] struct {
	mu sync.Mutex
	m  map[string]cached[T]
}

type cached[T any] struct {
	v       T
	missing []Text
	err     error
}

// Get returns the translation into lang, making it with make the first
// time. A failure is kept too: the same files fail the same way.
func (c *Cache[T]) Get(lang string, make func(lang string) (T, []Text, error)) (T, []Text, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[lang]; ok {
		return e.v, e.missing, e.err
	}
	v, missing, err := make(lang)
	if c.m == nil {
		c.m = map[string]cached[T]{}
	}
	c.m[lang] = cached[T]{v, missing, err}
	return v, missing, err
}
