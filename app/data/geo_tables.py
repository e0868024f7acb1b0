"""Tables behind app.geo: seat towns, coordinate fixes, postcode corrections and
populations of the 98 Danish municipalities, by municipality code."""

from __future__ import annotations

# The town that holds each municipality's town hall (or, where the brief asked for it,
# its best-known town), spelt as the postcode register spells it.
SEAT_TOWNS: dict[int, str] = {
    101: "København V",  # the city hall is on Rådhuspladsen, 1550 København V
    147: "Frederiksberg",
    151: "Ballerup",
    153: "Brøndby",
    155: "Dragør",
    157: "Gentofte",
    159: "Søborg",
    161: "Glostrup",
    163: "Herlev",
    165: "Albertslund",
    167: "Hvidovre",
    169: "Taastrup",
    173: "Kongens Lyngby",
    175: "Rødovre",
    183: "Ishøj",
    185: "Kastrup",
    187: "Vallensbæk Strand",
    190: "Farum",
    201: "Allerød",
    210: "Fredensborg",
    217: "Helsingør",
    219: "Hillerød",
    223: "Hørsholm",
    230: "Holte",
    240: "Ølstykke",
    250: "Frederikssund",
    253: "Greve",
    259: "Køge",
    260: "Frederiksværk",
    265: "Roskilde",
    269: "Solrød Strand",
    270: "Helsinge",
    306: "Nykøbing Sj",
    316: "Holbæk",
    320: "Faxe",
    326: "Kalundborg",
    329: "Ringsted",
    330: "Slagelse",
    336: "Store Heddinge",
    340: "Sorø",
    350: "Lejre",
    360: "Maribo",
    370: "Næstved",
    376: "Nykøbing F",
    390: "Vordingborg",
    400: "Rønne",
    410: "Middelfart",
    420: "Assens",
    430: "Faaborg",
    440: "Kerteminde",
    450: "Nyborg",
    461: "Odense C",
    479: "Svendborg",
    480: "Bogense",
    482: "Rudkøbing",
    492: "Ærøskøbing",
    510: "Haderslev",
    530: "Billund",
    540: "Sønderborg",
    550: "Tønder",
    561: "Esbjerg",
    563: "Fanø",
    573: "Varde",
    575: "Vejen",
    580: "Aabenraa",
    607: "Fredericia",
    615: "Horsens",
    621: "Kolding",
    630: "Vejle",
    657: "Herning",
    661: "Holstebro",
    665: "Lemvig",
    671: "Struer",
    706: "Ebeltoft",
    707: "Grenaa",
    710: "Hinnerup",
    727: "Odder",
    730: "Randers C",
    740: "Silkeborg",
    741: "Samsø",
    746: "Skanderborg",
    751: "Aarhus C",
    756: "Ikast",
    760: "Ringkøbing",
    766: "Hedensted",
    773: "Nykøbing M",
    779: "Skive",
    787: "Thisted",
    791: "Viborg",
    810: "Brønderslev",
    813: "Frederikshavn",
    820: "Aars",
    825: "Læsø",
    840: "Støvring",
    846: "Hobro",
    849: "Aabybro",
    851: "Aalborg",
    860: "Hjørring",
}

# The register puts the centre of these coastal postcodes out at sea (their areas
# include territorial water), which would pull whole coasts to the wrong seat; these are
# the towns' own coordinates instead.
COORDINATE_FIXES: dict[str, tuple[float, float]] = {
    "6720": (55.445, 8.400),  # Fanø (Nordby)
    "6853": (55.620, 8.135),  # Vejers Strand
    "6854": (55.730, 8.220),  # Henne
    "6857": (55.560, 8.090),  # Blåvand
    "6950": (56.090, 8.244),  # Ringkøbing
    "6960": (55.999, 8.130),  # Hvide Sande
    "7650": (56.430, 8.210),  # Bøvlingbjerg
    "7680": (56.700, 8.215),  # Thyborøn
    "7700": (56.955, 8.695),  # Thisted
    "7752": (56.910, 8.540),  # Snedsted
    "7755": (56.820, 8.410),  # Bedsted Thy
    "7770": (56.770, 8.320),  # Vestervig
    "3730": (55.061, 15.128),  # Nexø
    "3740": (55.136, 15.141),  # Svaneke
    "3760": (55.211, 14.972),  # Gudhjem
    "4874": (54.575, 11.927),  # Gedser
    "9850": (57.588, 9.963),  # Hirtshals
    "9990": (57.722, 10.585),  # Skagen
}

# Postcodes whose nearest seat lies across a municipal border (islands, long or
# oddly shaped municipalities); the municipality given is the one the town belongs to.
CORRECTIONS: dict[str, int] = {
    # Hovedstaden
    "2625": 187,  # Vallensbæk
    "2660": 153,  # Brøndby Strand
    "2765": 240,  # Smørum
    "2880": 159,  # Bagsværd
    "2942": 230,  # Skodsborg
    "2980": 210,  # Kokkedal
    "2990": 210,  # Nivå
    "3080": 217,  # Tikøb
    "3120": 270,  # Dronningmølle
    "3220": 270,  # Tisvildeleje
    "3310": 260,  # Ølsted
    "3320": 219,  # Skævinge
    "3390": 260,  # Hundested
    "3460": 230,  # Birkerød
    "3490": 217,  # Kvistgård
    "3660": 240,  # Stenløse
    "4050": 250,  # Skibby
    # Sjælland
    "2690": 253,  # Karlslunde
    "4040": 265,  # Jyllinge
    "4070": 350,  # Kirke Hyllinge
    "4130": 265,  # Viby Sjælland
    "4140": 259,  # Borup
    "4160": 370,  # Herlufmagle
    "4171": 370,  # Glumsø
    "4174": 329,  # Jystrup Midtsj
    "4220": 330,  # Korsør
    "4243": 330,  # Rude
    "4244": 330,  # Agersø
    "4245": 330,  # Omø
    "4250": 370,  # Fuglebjerg
    "4270": 326,  # Høng
    "4281": 326,  # Gørlev
    "4291": 340,  # Ruds Vedby
    "4340": 316,  # Tølløse
    "4360": 316,  # Kirke Eskilstrup
    "4370": 316,  # Store Merløse
    "4450": 316,  # Jyderup
    "4460": 326,  # Snertinge
    "4534": 306,  # Hørve
    "4550": 306,  # Asnæs
    "4560": 306,  # Vig
    "4571": 306,  # Grevinge
    "4592": 326,  # Sejerø
    "4621": 265,  # Gadstrup
    "4652": 336,  # Hårlev
    "4671": 336,  # Strøby
    "4672": 336,  # Klippinge
    "4720": 390,  # Præstø
    "4733": 370,  # Tappernøje
    "4750": 390,  # Lundby
    "4792": 390,  # Askeby
    "4793": 390,  # Bogø By
    "4840": 376,  # Nørre Alslev
    "4862": 376,  # Guldborg
    "4900": 360,  # Nakskov
    "4912": 360,  # Harpelunde
    "4913": 360,  # Horslunde
    "4943": 360,  # Torrig L
    "4945": 360,  # Femø
    "4990": 376,  # Sakskøbing
    # Fyn and the islands
    "5330": 440,  # Munkebo
    "5350": 440,  # Rynkeby
    "5462": 480,  # Morud
    "5492": 420,  # Vissenbjerg
    "5550": 440,  # Langeskov
    "5690": 420,  # Tommerup
    "5792": 430,  # Årslev
    "5854": 430,  # Gislev
    "5874": 479,  # Hesselager
    "5935": 482,  # Bagenkop
    "6470": 540,  # Sydals
    "8789": 615,  # Endelave
    # Syddanmark
    "6092": 621,  # Sønder Stenderup
    "6094": 621,  # Hejls
    "6360": 580,  # Tinglev
    "6372": 580,  # Bylderup-Bov
    "6510": 510,  # Gram
    "6534": 550,  # Agerskov
    "6541": 510,  # Bevtoft
    "6560": 510,  # Sommersted
    "6690": 561,  # Gørding
    "6710": 561,  # Esbjerg V
    "6792": 550,  # Rømø
    "6853": 573,  # Vejers Strand
    "6854": 573,  # Henne
    "6857": 573,  # Blåvand
    "7080": 630,  # Børkop
    "7120": 630,  # Vejle Øst
    "7183": 630,  # Randbøl
    "7184": 630,  # Vandel
    "7321": 630,  # Gadbjerg
    "7323": 630,  # Give
    # Midtjylland
    "6880": 760,  # Tarm
    "6893": 760,  # Hemmet
    "6900": 760,  # Skjern
    "6920": 760,  # Videbæk
    "6990": 661,  # Ulfborg
    "7130": 766,  # Juelsminde
    "7442": 756,  # Engesvang
    "7540": 657,  # Haderup
    "7650": 665,  # Bøvlingbjerg
    "7830": 661,  # Vinderup
    "7860": 779,  # Spøttrup
    "7870": 779,  # Roslev
    "7884": 779,  # Fur
    "7950": 773,  # Erslev
    "7960": 773,  # Karby
    "7970": 773,  # Redsted M
    "7990": 773,  # Øster Assels
    "8200": 751,  # Aarhus N
    "8220": 751,  # Brabrand
    "8340": 751,  # Malling
    "8350": 727,  # Hundslund
    "8355": 751,  # Solbjerg
    "8380": 751,  # Trige
    "8381": 751,  # Tilst
    "8410": 706,  # Rønde
    "8420": 706,  # Knebel
    "8462": 751,  # Harlev J
    "8464": 746,  # Galten
    "8471": 751,  # Sabro
    "8520": 751,  # Lystrup
    "8530": 751,  # Hjortshøj
    "8543": 706,  # Hornslet
    "8544": 706,  # Mørke
    "8550": 706,  # Ryomgård
    "8581": 706,  # Nimtofte
    "8732": 615,  # Hovedgård
    "8740": 615,  # Brædstrup
    "8752": 615,  # Østbirk
    "8860": 710,  # Ulstrup
    "8950": 707,  # Ørsted
    "8961": 707,  # Allingåbro
    "8963": 707,  # Auning
    # Nordjylland
    "7741": 787,  # Frøstrup
    "7742": 787,  # Vesløs
    "7760": 787,  # Hurup Thy
    "7770": 787,  # Vestervig
    "9230": 851,  # Svenstrup J
    "9240": 851,  # Nibe
    "9260": 851,  # Gistrup
    "9280": 851,  # Storvorde
    "9293": 851,  # Kongerslev
    "9352": 813,  # Dybvad
    "9370": 851,  # Hals
    "9381": 851,  # Sulsted
    "9382": 851,  # Tylstrup
    "9480": 860,  # Løkken
    "9493": 849,  # Saltum
    "9560": 846,  # Hadsund
    "9610": 840,  # Nørager
    "9632": 791,  # Møldrup
    "9681": 820,  # Ranum
    "9690": 849,  # Fjerritslev
    "9760": 860,  # Vrå
    "9830": 860,  # Tårs
    "9870": 860,  # Sindal
    "9881": 860,  # Bindslev
}

# Approximate populations (Statistics Denmark, 2024, rounded) used to spread a
# national-size demo roughly as people really live.
POPULATION: dict[int, int] = {
    101: 660_000,
    147: 105_000,
    151: 52_000,
    153: 39_000,
    155: 14_500,
    157: 75_000,
    159: 70_000,
    161: 24_000,
    163: 30_000,
    165: 28_000,
    167: 54_000,
    169: 58_000,
    173: 57_000,
    175: 41_000,
    183: 24_000,
    185: 44_000,
    187: 17_000,
    190: 41_000,
    201: 26_000,
    210: 41_000,
    217: 64_000,
    219: 52_000,
    223: 25_000,
    230: 57_000,
    240: 44_000,
    250: 46_000,
    253: 51_000,
    259: 62_000,
    260: 31_000,
    265: 90_000,
    269: 23_000,
    270: 41_000,
    306: 33_000,
    316: 73_000,
    320: 37_000,
    326: 49_000,
    329: 36_000,
    330: 80_000,
    336: 23_000,
    340: 30_000,
    350: 29_000,
    360: 40_000,
    370: 84_000,
    376: 60_000,
    390: 46_000,
    400: 39_000,
    410: 39_000,
    420: 41_000,
    430: 51_000,
    440: 24_000,
    450: 32_000,
    461: 208_000,
    479: 59_000,
    480: 30_000,
    482: 12_000,
    492: 6_000,
    510: 55_000,
    530: 27_000,
    540: 73_000,
    550: 37_000,
    561: 116_000,
    563: 3_500,
    573: 50_000,
    575: 43_000,
    580: 58_000,
    607: 52_000,
    615: 96_000,
    621: 95_000,
    630: 121_000,
    657: 90_000,
    661: 59_000,
    665: 19_000,
    671: 21_000,
    706: 44_000,
    707: 37_000,
    710: 50_000,
    727: 24_000,
    730: 99_000,
    740: 99_000,
    741: 3_700,
    746: 64_000,
    751: 367_000,
    756: 42_000,
    760: 56_000,
    766: 47_000,
    773: 20_000,
    779: 46_000,
    787: 43_000,
    791: 98_000,
    810: 36_000,
    813: 58_000,
    820: 36_000,
    825: 1_800,
    840: 31_000,
    846: 41_000,
    849: 38_000,
    851: 222_000,
    860: 64_000,
}
