package refdata

// uaiCheckLetters is the alphabet of UAI check letters: 23 letters, without
// I, O and Q, which read like digits.
const uaiCheckLetters = "ABCDEFGHJKLMNPRSTUVWXYZ"

// ValidUAI reports whether s is a UAI (unité administrative immatriculée): 7
// digits and the check letter of that number, i.e. the letter at index
// number mod 23 of uaiCheckLetters. Lower-case letters are refused: callers
// normalise first.
func ValidUAI(s string) bool {
	if len(s) != 8 {
		return false
	}
	number := 0
	for _, c := range []byte(s[:7]) {
		if c < '0' || c > '9' {
			return false
		}
		number = number*10 + int(c-'0')
	}
	return s[7] == uaiCheckLetters[number%len(uaiCheckLetters)]
}
