"""Generate src/whodid/data/actors/countries.csv from pycountry plus our own name lists.

Run from the project root:  .venv/bin/python scripts/build_countries.py
The generated file is committed; re-run this script when pycountry or the lists below change.

Columns: alpha3, name (the short name news uses), aliases, adjectives, people (plural nationality
nouns), capitals (cities used as metonyms for the government). List cells are "|"-separated.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pycountry

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "actors" / "countries.csv"

# Codes pycountry lacks but news needs (user-assigned ISO code, used by the EU and the IMF).
EXTRA_COUNTRIES: dict[str, str] = {"XKX": "Kosovo"}

# The short name news writers use, where pycountry's name is the formal or inverted one.
SHORT_NAMES: dict[str, str] = {
    "BOL": "Bolivia", "BRN": "Brunei", "CIV": "Ivory Coast", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "CZE": "Czechia", "FLK": "Falkland Islands", "FSM": "Micronesia",
    "IRN": "Iran", "KOR": "South Korea", "PRK": "North Korea", "LAO": "Laos", "MDA": "Moldova",
    "PSE": "Palestine", "RUS": "Russia", "SYR": "Syria", "TWN": "Taiwan", "TZA": "Tanzania",
    "TUR": "Turkey", "VAT": "Vatican", "VEN": "Venezuela", "VNM": "Vietnam", "GBR": "United Kingdom",
    "USA": "United States", "VGB": "British Virgin Islands", "VIR": "US Virgin Islands",
}  # fmt: skip

# Further names by which a country is known. Our own list.
EXTRA_ALIASES: dict[str, list[str]] = {
    "USA": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "IRN": ["Islamic Republic of Iran", "Persia"],
    "SYR": ["Syrian Arab Republic"],
    "CZE": ["Czech Republic"],
    "CIV": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "COD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Zaire"],
    "COG": ["Congo", "Congo-Brazzaville"],
    "PSE": ["Palestinian Territories", "State of Palestine", "Palestinian territories"],
    "KOR": ["Republic of Korea", "ROK", "Korea"],
    "PRK": ["DPRK"],
    "TUR": ["Türkiye", "Turkiye"],
    "MMR": ["Burma"],
    "MKD": ["Macedonia"],
    "SWZ": ["Swaziland"],
    "CPV": ["Cape Verde"],
    "TLS": ["East Timor"],
    "NLD": ["Holland", "the Netherlands"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "SAU": ["KSA"],
    "VAT": ["Holy See", "Vatican City"],
    "CHN": ["PRC", "mainland China"],
    "TWN": ["Republic of China"],
    "BHS": ["the Bahamas"],
    "GMB": ["the Gambia"],
    "PHL": ["the Philippines"],
    "XKX": ["Republic of Kosovo"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina", "Bosnia-Hercegovina"],
    # Former names, which older news and the PLOVER records use ("Moscow" then stood for the Soviet
    # Union, coded as Russia).
    "RUS": ["Russian Federation", "Soviet Union", "USSR", "U.S.S.R."],
    "KHM": ["Kampuchea"],
    "LKA": ["Ceylon"],
    "BLR": ["Byelorussia", "Belorussia"],
    "KGZ": ["Kirghizia"],
    "BEN": ["Dahomey"],
    "BFA": ["Upper Volta"],
    "THA": ["Siam"],
}

# Adjectives, then plural nationality nouns. Our own list; checked against the NGEC country
# table (shared/reference/ngec/countries.csv) as a fact source.
DEMONYMS = """
AFG: Afghan | Afghans
ALB: Albanian | Albanians
DZA: Algerian | Algerians
AND: Andorran | Andorrans
AGO: Angolan | Angolans
ATG: Antiguan | Antiguans
ARG: Argentine, Argentinian, Argentinean | Argentines, Argentinians, Argentineans
ARM: Armenian | Armenians
AUS: Australian | Australians
AUT: Austrian | Austrians
AZE: Azerbaijani, Azeri | Azerbaijanis, Azeris
BHS: Bahamian | Bahamians
BHR: Bahraini | Bahrainis
BGD: Bangladeshi | Bangladeshis
BRB: Barbadian | Barbadians
BLR: Belarusian | Belarusians
BEL: Belgian | Belgians
BLZ: Belizean | Belizeans
BEN: Beninese |
BTN: Bhutanese |
BOL: Bolivian | Bolivians
BIH: Bosnian | Bosnians
BWA: Botswanan | Batswana
BRA: Brazilian | Brazilians
BRN: Bruneian | Bruneians
BGR: Bulgarian | Bulgarians
BFA: Burkinabe |
BDI: Burundian | Burundians
KHM: Cambodian, Kampuchean | Cambodians, Kampucheans
CMR: Cameroonian | Cameroonians
CAN: Canadian | Canadians
CPV: Cape Verdean | Cape Verdeans
CAF: Central African | Central Africans
TCD: Chadian | Chadians
CHL: Chilean | Chileans
CHN: Chinese |
COL: Colombian | Colombians
COM: Comoran | Comorans
COD: Congolese |
CRI: Costa Rican | Costa Ricans
CIV: Ivorian | Ivorians
HRV: Croatian, Croat | Croatians, Croats
CUB: Cuban | Cubans
CYP: Cypriot | Cypriots
CZE: Czech | Czechs
DNK: Danish | Danes
DJI: Djiboutian | Djiboutians
DOM: Dominican | Dominicans
ECU: Ecuadorian, Ecuadorean | Ecuadorians, Ecuadoreans
EGY: Egyptian | Egyptians
SLV: Salvadoran | Salvadorans
GNQ: Equatorial Guinean | Equatorial Guineans
ERI: Eritrean | Eritreans
EST: Estonian | Estonians
SWZ: Swazi, Eswatini | Swazis
ETH: Ethiopian | Ethiopians
FJI: Fijian | Fijians
FIN: Finnish | Finns
FRA: French | Frenchmen
GAB: Gabonese |
GMB: Gambian | Gambians
GEO: Georgian | Georgians
DEU: German | Germans
GHA: Ghanaian | Ghanaians
GRC: Greek | Greeks
GRD: Grenadian | Grenadians
GTM: Guatemalan | Guatemalans
GIN: Guinean | Guineans
GNB: Bissau-Guinean | Bissau-Guineans
GUY: Guyanese |
HTI: Haitian | Haitians
HND: Honduran | Hondurans
HUN: Hungarian | Hungarians
ISL: Icelandic | Icelanders
IND: Indian | Indians
IDN: Indonesian | Indonesians
IRN: Iranian | Iranians
IRQ: Iraqi | Iraqis
IRL: Irish |
ISR: Israeli | Israelis
ITA: Italian | Italians
JAM: Jamaican | Jamaicans
JPN: Japanese |
JOR: Jordanian | Jordanians
KAZ: Kazakh, Kazakhstani | Kazakhs, Kazakhstanis
KEN: Kenyan | Kenyans
KIR: I-Kiribati |
PRK: North Korean | North Koreans
KOR: South Korean, Korean | South Koreans, Koreans
XKX: Kosovar, Kosovan | Kosovars, Kosovans
KWT: Kuwaiti | Kuwaitis
KGZ: Kyrgyz, Kyrgyzstani | Kyrgyzstanis
LAO: Lao, Laotian | Laotians
LVA: Latvian | Latvians
LBN: Lebanese |
LSO: Basotho |
LBR: Liberian | Liberians
LBY: Libyan | Libyans
LIE: Liechtensteiner | Liechtensteiners
LTU: Lithuanian | Lithuanians
LUX: Luxembourgish | Luxembourgers
MDG: Malagasy |
MWI: Malawian | Malawians
MYS: Malaysian | Malaysians
MDV: Maldivian | Maldivians
MLI: Malian | Malians
MLT: Maltese |
MHL: Marshallese |
MRT: Mauritanian | Mauritanians
MUS: Mauritian | Mauritians
MEX: Mexican | Mexicans
FSM: Micronesian | Micronesians
MDA: Moldovan | Moldovans
MCO: Monegasque | Monegasques
MNG: Mongolian | Mongolians
MNE: Montenegrin | Montenegrins
MAR: Moroccan | Moroccans
MOZ: Mozambican | Mozambicans
MMR: Myanmar, Burmese |
NAM: Namibian | Namibians
NRU: Nauruan | Nauruans
NPL: Nepali, Nepalese | Nepalis
NLD: Dutch | Dutchmen
NZL: New Zealand | New Zealanders
NIC: Nicaraguan | Nicaraguans
NER: Nigerien | Nigeriens
NGA: Nigerian | Nigerians
MKD: North Macedonian, Macedonian | Macedonians
NOR: Norwegian | Norwegians
OMN: Omani | Omanis
PAK: Pakistani | Pakistanis
PLW: Palauan | Palauans
PSE: Palestinian | Palestinians
PAN: Panamanian | Panamanians
PNG: Papua New Guinean | Papua New Guineans
PRY: Paraguayan | Paraguayans
PER: Peruvian | Peruvians
PHL: Philippine, Filipino | Filipinos
POL: Polish | Poles
PRT: Portuguese |
QAT: Qatari | Qataris
ROU: Romanian | Romanians
RUS: Russian, Soviet | Russians, Soviets
RWA: Rwandan | Rwandans
KNA: Kittitian, Nevisian |
LCA: Saint Lucian | Saint Lucians
VCT: Vincentian | Vincentians
WSM: Samoan | Samoans
SMR: Sammarinese |
STP: Santomean |
SAU: Saudi, Saudi Arabian | Saudis, Saudi Arabians
SEN: Senegalese |
SRB: Serbian, Serb | Serbians, Serbs
SYC: Seychellois |
SLE: Sierra Leonean | Sierra Leoneans
SGP: Singaporean | Singaporeans
SVK: Slovak | Slovaks
SVN: Slovenian, Slovene | Slovenians, Slovenes
SLB: Solomon Islander | Solomon Islanders
SOM: Somali | Somalis
ZAF: South African | South Africans
SSD: South Sudanese |
ESP: Spanish | Spaniards
LKA: Sri Lankan | Sri Lankans
SDN: Sudanese |
SUR: Surinamese |
SWE: Swedish | Swedes
CHE: Swiss |
SYR: Syrian | Syrians
TWN: Taiwanese |
TJK: Tajik, Tajikistani | Tajiks
TZA: Tanzanian | Tanzanians
THA: Thai | Thais
TLS: Timorese |
TGO: Togolese |
TON: Tongan | Tongans
TTO: Trinidadian | Trinidadians
TUN: Tunisian | Tunisians
TUR: Turkish | Turks
TKM: Turkmen | Turkmens
TUV: Tuvaluan | Tuvaluans
UGA: Ugandan | Ugandans
UKR: Ukrainian | Ukrainians
ARE: Emirati | Emiratis
GBR: British, English, Scottish, Welsh | Britons, Brits
USA: US, U.S., American | Americans
URY: Uruguayan | Uruguayans
UZB: Uzbek, Uzbekistani | Uzbeks
VUT: Ni-Vanuatu |
VAT: Vatican |
VEN: Venezuelan | Venezuelans
VNM: Vietnamese |
YEM: Yemeni | Yemenis
ZMB: Zambian | Zambians
ZWE: Zimbabwean | Zimbabweans
PRI: Puerto Rican | Puerto Ricans
GRL: Greenlandic | Greenlanders
HKG: Hong Konger | Hong Kongers
"""

# Capitals and other cities news uses to mean a government ("Washington said"). Our own list.
CAPITALS: dict[str, list[str]] = {
    "USA": ["Washington"], "IRQ": ["Baghdad"], "IRN": ["Tehran", "Teheran"], "RUS": ["Moscow"],
    "UKR": ["Kyiv", "Kiev"], "CHN": ["Beijing", "Peking"], "SYR": ["Damascus"], "LBN": ["Beirut"],
    "TUR": ["Ankara"], "ISR": ["Jerusalem", "Tel Aviv"], "GBR": ["London"], "FRA": ["Paris"],
    "DEU": ["Berlin"], "JPN": ["Tokyo"], "KOR": ["Seoul"], "PRK": ["Pyongyang"],
    "IND": ["New Delhi"], "PAK": ["Islamabad"], "AFG": ["Kabul"], "SAU": ["Riyadh"],
    "EGY": ["Cairo"], "JOR": ["Amman"], "QAT": ["Doha"], "ARE": ["Abu Dhabi"], "YEM": ["Sanaa", "Sana'a"],
    "OMN": ["Muscat"], "LBY": ["Tripoli"], "SDN": ["Khartoum"], "ETH": ["Addis Ababa"],
    "KEN": ["Nairobi"], "SOM": ["Mogadishu"], "NGA": ["Abuja"], "VEN": ["Caracas"], "CUB": ["Havana"],
    "MEX": ["Mexico City"], "BRA": ["Brasilia", "Brasília"], "COL": ["Bogota", "Bogotá"],
    "TWN": ["Taipei"], "PHL": ["Manila"], "VNM": ["Hanoi"], "BLR": ["Minsk"], "POL": ["Warsaw"],
    "ITA": ["Rome"], "ESP": ["Madrid"], "CAN": ["Ottawa"], "AUS": ["Canberra"], "AZE": ["Baku"],
    "ARM": ["Yerevan"], "GEO": ["Tbilisi"], "COD": ["Kinshasa"], "MLI": ["Bamako"],
    "NER": ["Niamey"], "BFA": ["Ouagadougou"], "TUN": ["Tunis"], "DZA": ["Algiers"], "MAR": ["Rabat"],
    "BGD": ["Dhaka"], "MMR": ["Naypyidaw", "Naypyitaw"], "THA": ["Bangkok"], "IDN": ["Jakarta"],
    "ZAF": ["Pretoria"], "ZWE": ["Harare"], "SSD": ["Juba"], "ERI": ["Asmara"], "PSE": ["Ramallah"],
    "SRB": ["Belgrade"], "HUN": ["Budapest"], "KWT": ["Kuwait City"], "BHR": ["Manama"],
}  # fmt: skip

HEADER = [
    "# Countries for the whodid actor knowledge base. Generated by scripts/build_countries.py: do not edit.",
    "# Provenance: codes and formal names from pycountry (ISO 3166-1); short names, demonyms and",
    "# capitals-as-government from our own lists in that script (demonyms checked against the NGEC",
    "# country table as a fact source).",
]
COLUMNS = ["alpha3", "name", "aliases", "adjectives", "people", "capitals"]


def parse_demonyms(table: str) -> dict[str, tuple[list[str], list[str]]]:
    """'IRQ: Iraqi | Iraqis' lines -> {alpha3: (adjectives, people)}."""
    parsed: dict[str, tuple[list[str], list[str]]] = {}
    for line in table.strip().splitlines():
        code, _, rest = line.partition(":")
        adjectives, _, people = rest.partition("|")
        parsed[code.strip()] = (_split(adjectives), _split(people))
    return parsed


def _split(cell: str) -> list[str]:
    return [name.strip() for name in cell.split(",") if name.strip()]


def country_rows() -> list[list[str]]:
    demonyms = parse_demonyms(DEMONYMS)
    countries = {c.alpha_3: c for c in pycountry.countries}
    rows = []
    for alpha3 in sorted(set(countries) | set(EXTRA_COUNTRIES)):
        record = countries.get(alpha3)
        formal = [getattr(record, key, None) for key in ("name", "common_name", "official_name")]
        if formal[0] and ", " in formal[0] and (formal[1] or alpha3 in SHORT_NAMES):
            formal[0] = None  # an inverted index form ("Iran, Islamic Republic of"), not a name in prose
        name = SHORT_NAMES.get(alpha3) or EXTRA_COUNTRIES.get(alpha3) or formal[1] or formal[0]
        aliases = _unique([*formal, *EXTRA_ALIASES.get(alpha3, [])], exclude=name)
        adjectives, people = demonyms.get(alpha3, ([], []))
        rows.append([alpha3, name, "|".join(aliases), "|".join(adjectives), "|".join(people),
                     "|".join(CAPITALS.get(alpha3, []))])  # fmt: skip
    return rows


def _unique(names: list[str | None], exclude: str) -> list[str]:
    seen = {exclude}
    kept = []
    for name in names:
        if name and name not in seen:
            seen.add(name)
            kept.append(name)
    return kept


def render(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    buffer.write("\n".join(HEADER) + "\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


def main() -> None:
    rows = country_rows()
    OUTPUT.write_text(render(rows), encoding="utf-8")
    print(f"wrote {len(rows)} countries to {OUTPUT}")


if __name__ == "__main__":
    main()
