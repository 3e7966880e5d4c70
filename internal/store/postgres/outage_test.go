package postgres

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/hkin/hkin/internal/api"
	"github.com/hkin/hkin/internal/store/postgres/pgtest"
)

// proxy forwards TCP connections to a PostgreSQL server and can cut them all, to play the
// database going away and coming back.
type proxy struct {
	addr, target string
	mu           sync.Mutex
	ln           net.Listener
	conns        []net.Conn
}

func (p *proxy) start(t *testing.T) {
	t.Helper()
	addr := p.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
}

func (p *proxy) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ln.Close()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func TestDatabaseGoesAwayAndComesBack(t *testing.T) {
	dsn := pgtest.DSN(t)
	u, _ := url.Parse(dsn)
	p := &proxy{target: u.Host}
	p.start(t)
	defer p.stop()
	u.Host = p.addr
	q := u.Query()
	q.Set("connect_timeout", "2")
	u.RawQuery = q.Encode()
	s := open(t, u.String())
	srv := httptest.NewServer(api.New(api.Config{Store: s}))
	defer srv.Close()

	get := func(path string) (int, map[string]any) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		json.NewDecoder(resp.Body).Decode(&body)
		return resp.StatusCode, body
	}
	if code, _ := get("/api/v1/entities"); code != http.StatusOK {
		t.Fatalf("before the outage: %d", code)
	}
	p.stop()
	for _, path := range []string{"/api/v1/entities", "/healthz"} {
		code, body := get(path)
		if code != http.StatusServiceUnavailable || body["error"] == nil {
			t.Errorf("%s during the outage: %d %v, want 503 with a JSON error", path, code, body)
		}
	}
	p.start(t)
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, _ := get("/api/v1/entities")
		if code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no recovery within 10 s after the database came back: %d", code)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := s.Ping(context.Background()); err != nil {
		t.Errorf("ping after recovery: %v", err)
	}
}
