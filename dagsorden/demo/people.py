"""Parties, politicians and officials of Eksempel Kommune (all invented)."""

PARTIES = [
    ("A", "Socialdemokratiet"),
    ("V", "Venstre"),
    ("C", "Det Konservative Folkeparti"),
    ("F", "SF – Socialistisk Folkeparti"),
    ("Ø", "Enhedslisten"),
    ("O", "Dansk Folkeparti"),
    ("I", "Liberal Alliance"),
]

# (given name, family name, party letter, in term 2022-2025, in term 2026-2029)
POLITICIANS = [
    ("Birgitte", "Holmgaard", "A", True, True),  # borgmester in both terms
    ("Jesper", "Kjærulff", "A", True, True),
    ("Mette", "Overgaard Lind", "A", True, True),
    ("Rasmus", "Thygesen", "A", True, True),
    ("Lone", "Vestergaard", "A", True, False),
    ("Kasper", "Brønnum", "A", False, True),
    ("Susanne", "Ravn", "A", True, True),
    ("Henrik", "Dalsgård", "V", True, True),
    ("Tina", "Mølholm", "V", True, True),
    ("Anders", "Fogh Kirkegaard", "V", True, False),
    ("Line", "Skovbjerg", "V", False, True),
    ("Peter", "Hvidtfeldt", "V", True, True),
    ("Camilla", "Aagaard", "C", True, True),
    ("Ole", "Bundgaard", "C", True, True),
    ("Emil", "Strandberg", "C", False, True),
    ("Hanne", "Lykkegaard", "F", True, True),
    ("Morten", "Krogsgaard", "F", True, True),
    ("Signe", "Bækgaard", "Ø", True, True),
    ("Frederik", "Juul Nørby", "Ø", True, True),
    ("Karin", "Præstholm", "O", True, True),
    ("Niels", "Engberg", "I", True, True),
]

OFFICIALS = [
    ("Anne-Marie", "Winther", "Kommunaldirektør"),
    ("Thomas", "Graversen", "Direktør for Social og Sundhed"),
    ("Dorthe", "Lauridsen", "Direktør for Teknik, Miljø og Kultur"),
    ("Michael", "Bisgaard", "Økonomichef"),
]

MAYOR = ("Birgitte", "Holmgaard")

# Committee seats in the current term: body slug -> [(family name, role)].
# The chair comes first; the rest are members.
COMMITTEES_2026 = {
    "oekonomiudvalget": [
        ("Holmgaard", "formand"),
        ("Dalsgård", "naestformand"),
        ("Kjærulff", "medlem"),
        ("Aagaard", "medlem"),
        ("Lykkegaard", "medlem"),
        ("Mølholm", "medlem"),
        ("Bækgaard", "medlem"),
    ],
    "social-og-sundhedsudvalget": [
        ("Overgaard Lind", "formand"),
        ("Krogsgaard", "naestformand"),
        ("Thygesen", "medlem"),
        ("Hvidtfeldt", "medlem"),
        ("Præstholm", "medlem"),
    ],
    "teknik-og-miljoeudvalget": [
        ("Mølholm", "formand"),
        ("Brønnum", "naestformand"),
        ("Ravn", "medlem"),
        ("Bundgaard", "medlem"),
        ("Juul Nørby", "medlem"),
    ],
}

COMMITTEES_2022 = {
    "oekonomiudvalget": [
        ("Holmgaard", "formand"),
        ("Dalsgård", "naestformand"),
        ("Kjærulff", "medlem"),
        ("Aagaard", "medlem"),
        ("Lykkegaard", "medlem"),
        ("Fogh Kirkegaard", "medlem"),
        ("Bækgaard", "medlem"),
    ],
    "social-og-sundhedsudvalget": [
        ("Vestergaard", "formand"),
        ("Krogsgaard", "naestformand"),
        ("Thygesen", "medlem"),
        ("Hvidtfeldt", "medlem"),
        ("Præstholm", "medlem"),
    ],
    "teknik-og-miljoeudvalget": [
        ("Mølholm", "formand"),
        ("Overgaard Lind", "naestformand"),
        ("Ravn", "medlem"),
        ("Bundgaard", "medlem"),
        ("Juul Nørby", "medlem"),
    ],
}

# Who sends afbud and who steps in, per body: (absent member, stedfortræder, reason).
# The stedfortræder sits in the council for the same party and not in the body.
SUBSTITUTIONS = {
    "social-og-sundhedsudvalget": ("Thygesen", "Kjærulff", "Ferie"),
    "teknik-og-miljoeudvalget": ("Bundgaard", "Strandberg", "Sygdom"),
}
SUBSTITUTIONS_2022 = {
    "social-og-sundhedsudvalget": ("Thygesen", "Kjærulff", "Ferie"),
    "teknik-og-miljoeudvalget": ("Bundgaard", "Aagaard", "Sygdom"),
}
