package ror

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hkin/hkin/internal/store/sqlite"
)

// BenchmarkImportSample imports the shared ROR sample (35,990 records) into a new SQLite file.
func BenchmarkImportSample(b *testing.B) {
	path := sampleDump(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "hkin.db"))
		if err != nil {
			b.Fatal(err)
		}
		c, err := Import(ctx, s, path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		b.ReportMetric(float64(c.Records)/b.Elapsed().Seconds()*float64(i+1), "records/s")
	}
}

// sampleDump returns the path of the shared ROR sample, skipping (or failing in CI) without it.
func sampleDump(tb testing.TB) string {
	path := filepath.Join("..", "..", "..", "..", "shared", "data", "ror", "ror-v2-records.json.gz")
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("the ROR sample is missing: %v", err)
		}
		tb.Skipf("the ROR sample is missing (%v)", err)
	}
	return path
}
