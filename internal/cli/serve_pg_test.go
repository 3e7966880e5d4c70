package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/hkin/hkin/internal/store/postgres/pgtest"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func getJSON(t *testing.T, u string) map[string]any {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return out
}

// Two `hkin serve` on one PostgreSQL database: an article ingested through one is found through
// the other's search and graph within a second.
func TestTwoServersOnePostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	out, err := run(t, "--db", dsn, "--json", "token", "create", "--scope", "write")
	if err != nil {
		t.Fatal(err)
	}
	var tok struct{ Token string }
	json.Unmarshal([]byte(out), &tok)

	ctx, cancel := context.WithCancel(context.Background())
	addrs := []string{freeAddr(t), freeAddr(t)}
	done := make(chan error, len(addrs))
	for _, addr := range addrs {
		go func() {
			done <- Run(ctx, "test", []string{"--db", dsn, "--log-level", "warn", "serve", "--addr", addr}, io.Discard, io.Discard)
		}()
	}
	defer func() {
		cancel()
		for range addrs {
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		}
	}()
	for _, addr := range addrs {
		deadline := time.Now().Add(30 * time.Second)
		for {
			resp, err := http.Get("http://" + addr + "/healthz")
			if err == nil && resp.StatusCode == http.StatusOK {
				resp.Body.Close()
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("server %s did not start", addr)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	article := "Zorblax Robotics, a Hong Kong startup, opened a laboratory in Tai Po in March 2025. " +
		"Mei Chan, CEO of Zorblax Robotics, said its robots will serve hospitals in Japan."
	body, _ := json.Marshal(map[string]string{"text": article, "published": "2025-04-02", "title": "Zorblax opens a lab"})
	req, _ := http.NewRequest("POST", "http://"+addrs[0]+"/api/v1/documents", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ingest through server 1: %d %s", resp.StatusCode, b)
	}
	written := time.Now()

	other := "http://" + addrs[1]
	var id string
	for id == "" {
		res := getJSON(t, other+"/api/v1/entities?search="+url.QueryEscape("Zorblax"))
		if rs, _ := res["results"].([]any); len(rs) > 0 {
			id = rs[0].(map[string]any)["id"].(string)
			break
		}
		if time.Since(written) > time.Second {
			t.Fatal("server 2 does not find the ingested startup within a second")
		}
		time.Sleep(20 * time.Millisecond)
	}
	g := getJSON(t, other+"/api/v1/entities/"+id+"/graph?depth=1")
	edges, _ := g["edges"].([]any)
	if len(edges) == 0 {
		t.Fatalf("server 2's graph of %s has no edges: %v", id, g)
	}
}
