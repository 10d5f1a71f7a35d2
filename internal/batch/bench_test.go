package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rungs/rungs/internal/pipeline"
	"github.com/rungs/rungs/internal/profile"
)

// BenchmarkRender is one Markdown job description, rendered without the
// pool: the floor for BenchmarkRun's time per document.
func BenchmarkRender(b *testing.B) {
	cat := fixture(b)
	st, _ := cat.Stage("early")
	ar, _ := cat.Archetype("product")
	req := &pipeline.Request{Kind: "jd", Profile: profile.Profile{Stage: st, Size: 20, Archetype: ar},
		Params: pipeline.Params{"role": "cto"}, Formats: []string{"md"}}
	for b.Loop() {
		if _, err := pipeline.Render(&pipeline.Env{Cat: cat}, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRun generates 1,000 Markdown job descriptions through the whole
// batch: validation, the pool, atomic writes. Compared with BenchmarkRender
// (times 1,000, divided by the workers), it shows the pool's overhead.
// "unchanged" reruns into a full folder, which only compares.
func BenchmarkRun(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	src := NewCSVBytes("roles.csv", dir, []byte(bigCSV(n)))
	for _, jobs := range []int{1, 2, 4} {
		for _, mode := range []string{"written", "unchanged"} {
			b.Run(fmt.Sprintf("jobs=%d/%s", jobs, mode), func(b *testing.B) {
				cat := fixture(b)
				out := filepath.Join(dir, fmt.Sprintf("out-%d", jobs))
				i := 0
				for b.Loop() {
					if mode == "written" {
						b.StopTimer()
						os.RemoveAll(out)
						b.StartTimer()
					}
					r := &Resolver{Cat: cat}
					total, err := Validate(src, r)
					if err != nil {
						b.Fatal(err)
					}
					os.MkdirAll(out, 0o755)
					tot, err := Run(context.Background(), src, r, total, Options{Cat: cat, Out: out, Jobs: jobs, Started: time.Now()})
					if err != nil || tot.Failed > 0 {
						b.Fatal(err, tot)
					}
					i++
				}
				b.ReportMetric(float64(n*i)/b.Elapsed().Seconds(), "docs/s")
			})
		}
	}
}
