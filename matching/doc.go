// Package matching holds the platform's pure algorithms: the youth ↔ offer
// score and its explanations, recommendations (one youth or all at once),
// candidate suggestions for employers, the visit-campaign allocation and the
// PROGR'ESS budget allocation.
//
// It does no I/O and imports nothing from the application: its inputs are
// plain structs the application fills from its own types, so every algorithm
// can be tested and benchmarked on generated data.
package matching
