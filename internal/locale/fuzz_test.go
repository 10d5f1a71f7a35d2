package locale

import "testing"

// FuzzLoad: any bytes give a catalog or an error, never a panic, and a
// catalog that loads fills every message without panicking.
func FuzzLoad(f *testing.F) {
	f.Add(enYAML)
	f.Add([]byte("a.x: \"Hello {who}.\"\n"))
	f.Add([]byte("a.n:\n  one: \"one\"\n  other: \"{n} of {"))
	f.Add([]byte("a.x: \"{{}}\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Load("f.yaml", "en", data, nil)
		if err != nil {
			return
		}
		for _, k := range c.Keys() {
			vars, _ := c.Vars(k)
			args := Args{}
			for _, v := range vars {
				args[v] = "{" + v + "}"
			}
			if c.Plural(k) {
				_ = c.Count(k, 2, "2", args)
				continue
			}
			_ = c.Text(k, args)
		}
	})
}

func BenchmarkText(b *testing.B) {
	en := English()
	args := Args{"engineers": "40 engineers", "org": ""}
	for b.Loop() {
		_ = en.Text("posting.scope.cto", args)
	}
}
