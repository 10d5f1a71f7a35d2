package l10n

import (
	"errors"
	"sync"
	"testing"
)

// TestCacheMakesOnce: each language is made once, even when many
// goroutines ask at once (a batch's workers), and a failure is kept.
func TestCacheMakesOnce(t *testing.T) {
	var c Cache[string]
	calls := map[string]int{}
	var mu sync.Mutex
	make := func(lang string) (string, []Text, error) {
		mu.Lock()
		calls[lang]++
		mu.Unlock()
		if lang == "xx" {
			return "", nil, errors.New("no such language")
		}
		return "in " + lang, []Text{{Path: "a.b"}}, nil
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, missing, err := c.Get("fr", make); v != "in fr" || len(missing) != 1 || err != nil {
				t.Errorf("Get(fr) = %q, %v, %v", v, missing, err)
			}
			if _, _, err := c.Get("xx", make); err == nil {
				t.Error("Get(xx) lost its error")
			}
		}()
	}
	wg.Wait()
	if calls["fr"] != 1 || calls["xx"] != 1 {
		t.Errorf("made fr %d times and xx %d times, want once each", calls["fr"], calls["xx"])
	}
}
