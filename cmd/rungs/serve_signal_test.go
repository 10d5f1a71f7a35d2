//go:build unix

package main

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeRealProcess runs rungs serve as a process on a free port, reads
// the address it prints, fetches a posting and a download over TCP, checks
// the Host guard on the wire, and stops it with SIGINT: exit 130.
func TestServeRealProcess(t *testing.T) {
	bin, err := exec.LookPath("rungs") // put on PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	company := filepath.Join("..", "..", "examples", "company.yaml")
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--company", company)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Never hang the suite.
	guard := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer guard.Stop()

	sc := bufio.NewScanner(stderr)
	url := ""
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "Serving on "); ok {
			url = u
			break
		}
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") || strings.HasSuffix(url, ":0") {
		t.Fatalf("printed address %q", url)
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()

	resp, err := http.Get(url + "/jd?role=cto&stage=seed&size=6&archetype=product")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "<h1>Chief Technology Officer</h1>") {
		t.Errorf("posting page: %d", resp.StatusCode)
	}
	resp, err = http.Get(url + "/download/jd/pdf?role=cto")
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Errorf("PDF download: %q", resp.Header.Get("Content-Type"))
	}
	req, _ := http.NewRequest("GET", url+"/jd", nil)
	req.Host = "rebound.example"
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("a foreign Host is not refused: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}

	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Errorf("after SIGINT: %v, want exit %d", err, exitInterrupted)
	}
}
