package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText returns the seed article when ../shared is present, else the package's own articles.
func benchText(b *testing.B) string {
	b.Helper()
	if t, err := os.ReadFile(filepath.Join(sharedEval, "dev", "seed-article.txt")); err == nil {
		return string(t)
	}
	files, _ := filepath.Glob("testdata/articles/*.txt")
	var sb strings.Builder
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
		sb.WriteString("\n\n")
	}
	if sb.Len() == 0 {
		b.Skip("no article to extract")
	}
	return sb.String()
}

// BenchmarkExtract extracts the seed article (about 3 KB); SetBytes makes the tool report MB/s.
func BenchmarkExtract(b *testing.B) {
	text := benchText(b)
	x := New(nil)
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Extract(ctx, text, "2025-04-30"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractLarge extracts 1 MB made of the article repeated, to show the cost grows
// linearly with the text.
func BenchmarkExtractLarge(b *testing.B) {
	one := benchText(b)
	text := strings.Repeat(one+"\n\n", (1<<20)/len(one)+1)
	x := New(nil)
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Extract(ctx, text, "2025-04-30"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew builds the gazetteer from the embedded lexicons.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New(nil)
	}
}
