package extract

import (
	"testing"
	"time"
)

func TestFindDates(t *testing.T) {
	// 2025-04-30 is a Wednesday.
	pub := time.Date(2025, 4, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want []string
	}{
		{"February marked a major milestone.", []string{"2025-02"}},
		{"In 2024, the institute opened.", []string{"2024"}},
		{"Since the 2022 launch of the Blueprint.", []string{"2022"}},
		{"It opened last year.", []string{"2024"}},
		{"It will open next year.", []string{"2026"}},
		{"The survey was released on Tuesday.", []string{"2025-04-29"}},
		{"The survey was released on Wednesday.", []string{"2025-04-30"}},
		{"It will open on Friday.", []string{"2025-05-02"}},
		{"Sales grew in the second half of 2024.", []string{"2024"}},
		{"Sales grew in the first half of last year.", []string{"2024"}},
		{"It opened on March 14, 2025.", []string{"2025-03-14"}},
		{"It opened on 14 March 2023.", []string{"2023-03-14"}},
		{"It opened in September 2024.", []string{"2024-09"}},
		{"It opened in December.", []string{"2024-12"}},          // a month after publication: last year's
		{"It will open in December.", []string{"2025-12"}},       // unless the sentence speaks of the future
		{"The firm was set up two years ago.", []string{"2023"}}, // relative to publication
		{"He visited the site last month.", []string{"2025-03"}},
		{"Officials spoke yesterday and today.", []string{"2025-04-29", "2025-04-30"}},
		{"Startups may grow.", nil}, // the verb may is no month
		{"It hosts 2024 companies.", nil},
		{"It raised HK$2025 million.", nil},
		{"Revenue rose 2030 percent.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range findDates(tokenize(tt.text), pub) {
			got = append(got, d.value)
		}
		if len(got) != len(tt.want) {
			t.Errorf("findDates(%q) = %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("findDates(%q) = %q, want %q", tt.text, got, tt.want)
			}
		}
	}
}

func TestFindDatesWithoutPublication(t *testing.T) {
	// Without a publication date only absolute dates are read.
	got := findDates(tokenize("In February 2024 and last year and on Tuesday."), time.Time{})
	if len(got) != 1 || got[0].value != "2024-02" {
		t.Errorf("got %+v, want only 2024-02", got)
	}
}

func TestBaseDates(t *testing.T) {
	pub := time.Date(2025, 4, 30, 0, 0, 0, 0, time.UTC)
	ds := findDates(tokenize("Startups in 2024 rose by 10 percent from 2023."), pub)
	if len(ds) != 2 || ds[0].base || !ds[1].base || ds[1].value != "2023" {
		t.Errorf("got %+v, want 2024 then base 2023", ds)
	}
}
