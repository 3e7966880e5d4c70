package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// possessive drops "'s" (typed either way) before NormName removes punctuation.
var possessive = strings.NewReplacer("’s ", " ", "'s ", " ", "’", "'")

// NormName folds a name for matching: Unicode compatibility forms, lower case, diacritics, "’s" and punctuation removed,
// a leading "the" dropped, white space collapsed. Han characters are kept as they are.
func NormName(s string) string {
	s = strings.ToLower(norm.NFKD.String(s))
	s = possessive.Replace(s + " ")
	var b strings.Builder
	space := true
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining mark left by decomposition: drop it (é → e)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&':
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	out := norm.NFC.String(strings.TrimSpace(b.String()))
	return strings.TrimPrefix(out, "the ")
}
