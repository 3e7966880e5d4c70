// Package progress draws a one-line progress bar on a terminal and stays quiet otherwise.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Bar is a progress bar for work of a known total size (or unknown, total 0).
type Bar struct {
	mu    sync.Mutex
	w     io.Writer
	label string
	total int64
	start time.Time
	last  time.Time
	on    bool
}

// New returns a bar writing to w, drawn only when w is a terminal.
func New(w io.Writer, label string, total int64) *Bar {
	f, ok := w.(*os.File)
	return &Bar{w: w, label: label, total: total, start: time.Now(), on: ok && term.IsTerminal(int(f.Fd()))}
}

// Set reports that n units are done; the bar redraws at most ten times a second.
func (b *Bar) Set(n int64) {
	if b == nil || !b.on {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	b.draw(n)
}

func (b *Bar) draw(n int64) {
	elapsed := time.Since(b.start).Round(time.Second)
	if b.total <= 0 {
		fmt.Fprintf(b.w, "\r%s %d  %s ", b.label, n, elapsed)
		return
	}
	frac := min(float64(n)/float64(b.total), 1)
	const width = 30
	full := int(frac * width)
	fmt.Fprintf(b.w, "\r%s [%s%s] %3.0f%%  %s ", b.label, strings.Repeat("=", full), strings.Repeat(" ", width-full), frac*100, elapsed)
}

// Done draws the finished bar and ends its line.
func (b *Bar) Done(n int64) {
	if b == nil || !b.on {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.draw(n)
	fmt.Fprintln(b.w)
}
