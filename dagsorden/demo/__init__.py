"""A synthetic municipality, "Eksempel Kommune", for the demo and for tests.

Every name, case and text here is invented. The data is built through the same services
the secretariat uses, so the demo exercises the real rules (numbering, routes, afbud with
stedfortræder, approvals that advance cases)."""
