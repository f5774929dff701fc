"""Fictitious but realistic ingredients for the demo municipality (no real people)."""

from __future__ import annotations

GEMEENTE = ("GM9999", "Maasdal")
WOONPLAATS = "Maasdal"

# (code, naam, postcode-prefix, streets)
WIJKEN: list[tuple[str, str, str, list[str]]] = [
    ("WK999901", "Centrum", "5911", ["Markt", "Kerkstraat", "Lomstraat", "Parade", "Gasthuisstraat",
                                      "Klaasstraat", "Vleesstraat", "Jodenstraat"]),
    ("WK999902", "Maasoever", "5912", ["Kaaikade", "Maasboulevard", "Veerweg", "Schipperstraat",
                                        "Havenstraat", "Oeverweg"]),
    ("WK999903", "De Heide", "5913", ["Heideweg", "Brembosstraat", "Berkenlaan", "Dennenlaan",
                                       "Vennenweg", "Hei-erf", "Struikheiplein"]),
    ("WK999904", "Kloosterveld", "5914", ["Kloosterstraat", "Abdijlaan", "Paterstraat",
                                           "Zusterspad", "Kapelweg", "Pastorieplein"]),
    ("WK999905", "Hoogveld", "5915", ["Hoogveldlaan", "Akkerstraat", "Korenbloemstraat",
                                       "Klaproosstraat", "Zonnebloemweg", "Tarwestraat"]),
    ("WK999906", "Oud-Zuid", "5916", ["Zuidsingel", "Stationsweg", "Spoorstraat", "Emmastraat",
                                       "Julianastraat", "Wilhelminalaan", "Beatrixhof"]),
    ("WK999907", "Broekhoven", "5917", ["Broekweg", "Wilgenlaan", "Populierenstraat",
                                         "Elzenhof", "Essenlaan", "Beekstraat"]),
    ("WK999908", "Nieuw-West", "5918", ["Westpark", "Saturnusstraat", "Jupiterlaan", "Marshof",
                                         "Venusstraat", "Mercuriusweg", "Pluto-erf"]),
]

# Wijkteams and the wijken they serve (by index in WIJKEN).
WIJKTEAMS: list[tuple[str, list[int]]] = [
    ("Wijkteam Noord", [0, 1]),
    ("Wijkteam Oost", [2, 3]),
    ("Wijkteam Zuid", [4, 5]),
    ("Wijkteam West", [6, 7]),
]

VOORNAMEN_M = [
    "Jan", "Piet", "Kees", "Henk", "Gerard", "Willem", "Johan", "Theo", "Martin", "Frank",
    "Peter", "Marcel", "Rob", "Erik", "Paul", "Sjaak", "Ton", "Harrie", "Sjef", "Mohamed",
    "Ahmed", "Youssef", "Mehmet", "Emre", "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan",
    "Noah", "Luuk", "Bram", "Thijs", "Jesse", "Ruben", "Stijn", "Tim", "Lars", "Koen",
    "Bas", "Joris", "Niels", "Wouter", "Dirk", "Hans", "Gijs", "Mats", "Sven", "Ravi",
]
VOORNAMEN_V = [
    "Maria", "Anna", "Johanna", "Elisabeth", "Cornelia", "Wilhelmina", "Truus", "Riet", "Annie",
    "Mien", "Ingrid", "Monique", "Petra", "Sandra", "Linda", "Esther", "Marieke", "Anouk",
    "Fatima", "Amira", "Yasmina", "Elif", "Ayse", "Emma", "Julia", "Tess", "Sophie", "Zoë",
    "Mila", "Sara", "Eva", "Lotte", "Noor", "Lisa", "Fleur", "Sanne", "Iris", "Femke",
    "Maud", "Roos", "Lieke", "Evi", "Nina", "Saskia", "Hanneke", "Karin", "Joke", "Mirjam",
    "Priya", "Olena",
]
# (voorvoegsel, achternaam)
ACHTERNAMEN: list[tuple[str, str]] = [
    ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
    ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"),
    ("", "Mulder"), ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"),
    ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"),
    ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"), ("van der", "Linden"),
    ("", "Kok"), ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"), ("van den", "Heuvel"),
    ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"), ("de", "Jong"), ("", "Schouten"),
    ("van", "Beek"), ("", "Willems"), ("van", "Vliet"), ("", "Hoekstra"), ("", "Maas"),
    ("", "Verhoeven"), ("", "Koster"), ("van", "Dam"), ("van der", "Wal"), ("", "Prins"),
    ("", "Blom"), ("", "Huisman"), ("", "Peeters"), ("", "Vennix"), ("", "Hermans"),
    ("", "Coenen"), ("", "Gielen"), ("", "Janssens"), ("", "Verstappen"), ("", "Kessels"),
    ("", "Hendrix"), ("", "Linders"), ("", "Geurts"), ("", "Arts"), ("", "Driessen"),
    ("", "Yilmaz"), ("", "Kaya"), ("", "Demir"), ("", "El Amrani"), ("", "Bouzid"),
    ("", "Nowak"), ("", "Kowalski"), ("", "Singh"), ("", "Nguyen"), ("", "Rahimi"),
    ("van", "Rijn"), ("ter", "Horst"), ("", "Claessens"), ("", "Thijssen"), ("", "Wijnen"),
    ("", "Custers"), ("", "Rutten"), ("", "Lemmens"), ("", "Schreurs"), ("", "Aerts"),
]

# Staff with a demo login: (username, first, last, role, team names, extra roles)
DEMO_WACHTWOORD = "eenplan-demo"  # noqa: S105 - documented demo password, demo data only
DEMO_LOGINS: list[tuple[str, str, str, str, list[str]]] = [
    ("midoffice", "Sanne", "de Vries", "midoffice", ["Toegang (midoffice)"]),
    ("generalist", "Ruben", "Hendriks", "generalist", ["Wijkteam Noord"]),
    ("generalist.oost", "Fatima", "El Amrani", "generalist", ["Wijkteam Oost"]),
    ("jeugd", "Lotte", "Willems", "jeugdprofessional", ["Wijkteam Noord"]),
    ("backoffice", "Karin", "Peeters", "backoffice", ["Backoffice beschikkingen"]),
    ("werkplein", "Mehmet", "Kaya", "werkplein", ["Werkplein"]),
    ("contract", "Bas", "Linders", "contractmanager", []),
    ("beleid", "Iris", "Coenen", "beleid", []),
    ("privacy", "Hanneke", "Gielen", "privacy", []),
    ("vrijwilliger", "Truus", "Smits", "vrijwilliger", []),
]
