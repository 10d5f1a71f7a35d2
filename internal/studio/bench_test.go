package studio

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// previewQuery is a full posting with every company field set, the page a
// recruiter has open all day.
const previewQuery = "/jd?role=cto&stage=early&size=24&archetype=product&mission=We+help+carriers+get+paid.&city=Denver&region=CO&country=US&pay_min=210000&pay_max=250000&currency=USD&period=year&apply_url=https://example.com/jobs"

// BenchmarkPreview is one posting page: build, render, lint, mark.
func BenchmarkPreview(b *testing.B) {
	h := newServer(b, companyYAML).Handler()
	b.ReportAllocs()
	for b.Loop() {
		if rec := get(b, h, previewQuery); rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkPreviewLoad sends 200 preview requests at once over real TCP
// to 127.0.0.1 and reports the median and 99th-percentile latency of one
// request; any error or non-200 answer fails it. Run it with
//
//	go test -bench PreviewLoad -benchtime 3x -run '^$' ./internal/studio
func BenchmarkPreviewLoad(b *testing.B) {
	const concurrent = 200
	s := newServer(b, companyYAML)
	ts := httptest.NewServer(s.Handler()) // listens on 127.0.0.1 only
	defer ts.Close()
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: concurrent}}
	var all []time.Duration
	for b.Loop() {
		lat := make([]time.Duration, concurrent)
		errs := make(chan error, concurrent)
		var wg sync.WaitGroup
		for i := range concurrent {
			wg.Go(func() {
				start := time.Now()
				resp, err := client.Get(ts.URL + previewQuery)
				if err != nil {
					errs <- err
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errs <- &statusError{resp.StatusCode}
					return
				}
				lat[i] = time.Since(start)
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		all = append(all, lat...)
	}
	slices.Sort(all)
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "ms-p99")
}

type statusError struct{ code int }

func (e *statusError) Error() string { return http.StatusText(e.code) }
