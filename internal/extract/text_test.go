package extract

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "Hong Kong grew. Shenzhen grew too.", []string{"Hong Kong grew.", "Shenzhen grew too."}},
		{"initials", "Q.Y. Ma of Time Medical spoke. He left.", []string{"Q.Y. Ma of Time Medical spoke.", "He left."}},
		{"company suffix inside", "Mangdang Technology Co., Ltd. opened a lab in Sha Tin.", []string{"Mangdang Technology Co., Ltd. opened a lab in Sha Tin."}},
		{"company suffix at the end", "He joined Alpha Co. The company grew.", []string{"He joined Alpha Co.", "The company grew."}},
		{"titles", "Dr. Winnie Tang and Mr. Lee met.", []string{"Dr. Winnie Tang and Mr. Lee met."}},
		{"U.S.", "Rules set by the U.S. Commerce Department apply. Firms complied.", []string{"Rules set by the U.S. Commerce Department apply.", "Firms complied."}},
		{"money and decimals", "It raised HK$2.84 billion. Shares rose 4.7 percent.", []string{"It raised HK$2.84 billion.", "Shares rose 4.7 percent."}},
		{"quotes", `"We will grow," she said. "Hong Kong is ready."`, []string{`"We will grow," she said.`, `"Hong Kong is ready."`}},
		{"paragraphs", "Headline without a stop\n\nFirst sentence.", []string{"Headline without a stop", "First sentence."}},
		{"wrapped line", "The park hosts\nmore than 440 companies.", []string{"The park hosts\nmore than 440 companies."}},
		{"question", "Is it ready? Yes.", []string{"Is it ready?", "Yes."}},
		{"lower case after a stop", "It rose 3 p.m. today and fell.", []string{"It rose 3 p.m. today and fell."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(normalizeText(tt.text)) {
				got = append(got, s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string // token texts, with the kind as a prefix for money and possessives
	}{
		{"Q.Y. Ma", []string{"Q.Y.", "Ma"}},
		{"HK$2.84 billion", []string{"$HK$", "2.84", "billion"}},
		{"US$30 million", []string{"$US$", "30", "million"}},
		{"USD23.19 million", []string{"$USD", "23.19", "million"}},
		{"Lee's trip", []string{"Lee", "'s", "trip"}},
		{"Lee’s trip", []string{"Lee", "'s", "trip"}},
		{"John Lee Ka-chiu", []string{"John", "Lee", "Ka-chiu"}},
		{"15,000 researchers", []string{"15,000", "researchers"}},
		{"a 10% rise", []string{"a", "10", "%", "rise"}},
		{"R&D and 5G", []string{"R&D", "and", "5G"}},
		{"Shenzhen-Hong Kong", []string{"Shenzhen-Hong", "Kong"}},
		{"in the U.S.", []string{"in", "the", "U.S."}},
		{"Institute ٣ of Gujarat", []string{"Institute", "٣", "of", "Gujarat"}}, // digits of other scripts
		{"第１研究所 (２０２４)", []string{"第１研究所", "(", "２０２４", ")"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenize(normalizeText(tt.text)) {
			s := tok.Text
			switch tok.Kind {
			case tokMoney:
				s = "$" + s
			}
			got = append(got, s)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// FuzzTokenize checks that tokens are non-empty, in order, and never overlap, whatever the text.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Q.Y. Ma", "HK$2.84 billion", "Lee's", "٣٤", "１２", "R&D-", "U.S.'s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, tok := range tokenize(s) {
			if tok.Start < end || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("tokenize(%q): token %q at [%d,%d) after %d", s, tok.Text, tok.Start, tok.End, end)
			}
			end = tok.End
		}
	})
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want error
	}{
		{"ok", "Hong Kong grew.", nil},
		{"empty", "  \n\t", ErrEmpty},
		{"not utf-8", "Hong \xff Kong", ErrBinary},
		{"binary", "PK\x03\x04\x00\x00", ErrBinary},
		{"too large", strings.Repeat("a", MaxText+1), ErrTooLarge},
	}
	for _, tt := range tests {
		if got := CheckText(tt.text); got != tt.want {
			t.Errorf("%s: CheckText = %v, want %v", tt.name, got, tt.want)
		}
	}
}
