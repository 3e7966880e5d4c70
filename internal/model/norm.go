package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NormName folds a name for matching: Unicode compatibility forms, lower case, diacritics, "’s" and punctuation removed,
// a leading "the" dropped, white space collapsed. Han characters are kept as they are.
func NormName(s string) string {
	s = strings.ToLower(norm.NFKD.String(s))
	s = strings.NewReplacer("’s ", " ", "'s ", " ", "’", "'").Replace(s + " ")
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
