"""Writes seeds/seed_countries.csv: every ISO 3166-1 country (pycountry), its World Bank
region where we have recorded it, the World Bank aggregate codes (region = 'aggregate'),
and the international parties EU and UN (region = 'international').

Regions follow the World Bank's country classification (regions as of FY2025). A country
not listed below gets an empty region: we leave it out rather than guess.

    .venv/bin/python seeds/scripts/build_countries.py
"""

import csv
from pathlib import Path

import pycountry

REGIONS = {
    "Middle East & North Africa": "DZA BHR DJI EGY IRN IRQ ISR JOR KWT LBN LBY MLT MAR OMN PSE QAT SAU SYR TUN ARE YEM",
    "Europe & Central Asia": "ALB AND ARM AUT AZE BLR BEL BIH BGR HRV CYP CZE DNK EST FRO FIN FRA GEO DEU GIB GRC GRL HUN ISL IRL IMN ITA KAZ XKX KGZ LVA LIE LTU LUX MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SWE CHE TJK TUR TKM UKR GBR UZB",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "East Asia & Pacific": "ASM AUS BRN KHM CHN FJI PYF GUM HKG IDN JPN KIR PRK KOR LAO MAC MYS MHL FSM MNG MMR NRU NCL NZL MNP PLW PNG PHL WSM SGP SLB TWN THA TLS TON TUV VUT VNM",
    "Latin America & Caribbean": "ATG ARG ABW BHS BRB BLZ BOL BRA VGB CYM CHL COL CRI CUB CUW DMA DOM ECU SLV GRD GTM GUY HTI HND JAM MEX NIC PAN PRY PER PRI SXM KNA LCA MAF VCT SUR TTO TCA URY VEN VIR",
    "North America": "BMU CAN USA",
    "Sub-Saharan Africa": "AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COD COG CIV GNQ ERI SWZ ETH GAB GMB GHA GIN GNB KEN LSO LBR MDG MWI MLI MRT MUS MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TZA TGO UGA ZMB ZWE",
}
AGGREGATES = {
    "WLD": "World", "AFE": "Africa Eastern and Southern", "AFW": "Africa Western and Central", "ARB": "Arab World",
    "CEB": "Central Europe and the Baltics", "EAS": "East Asia & Pacific", "EAP": "East Asia & Pacific (excluding high income)",
    "ECS": "Europe & Central Asia", "ECA": "Europe & Central Asia (excluding high income)", "EMU": "Euro area",
    "EUU": "European Union", "HIC": "High income", "LCN": "Latin America & Caribbean",
    "LAC": "Latin America & Caribbean (excluding high income)", "LIC": "Low income", "LMC": "Lower middle income",
    "LMY": "Low & middle income", "MEA": "Middle East & North Africa", "MNA": "Middle East & North Africa (excluding high income)",
    "MIC": "Middle income", "NAC": "North America", "OED": "OECD members", "SAS": "South Asia", "SSF": "Sub-Saharan Africa",
    "SSA": "Sub-Saharan Africa (excluding high income)", "UMC": "Upper middle income",
    "CSS": "Caribbean small states", "EAR": "Early-demographic dividend", "FCS": "Fragile and conflict affected situations",
    "HPC": "Heavily indebted poor countries (HIPC)", "IBD": "IBRD only", "IBT": "IDA & IBRD total", "IDA": "IDA total",
    "IDB": "IDA blend", "IDX": "IDA only", "INX": "Not classified", "LDC": "Least developed countries: UN classification",
    "LTE": "Late-demographic dividend", "OSS": "Other small states", "PRE": "Pre-demographic dividend",
    "PSS": "Pacific island small states", "PST": "Post-demographic dividend", "SST": "Small states",
    "TEA": "East Asia & Pacific (IDA & IBRD countries)", "TEC": "Europe & Central Asia (IDA & IBRD countries)",
    "TLA": "Latin America & the Caribbean (IDA & IBRD countries)",
    "TMN": "Middle East, North Africa, Afghanistan & Pakistan (IDA & IBRD)", "TSA": "South Asia (IDA & IBRD)",
    "TSS": "Sub-Saharan Africa (IDA & IBRD countries)", "AFR": "Africa",
}
INTERNATIONAL = {"EU": "European Union", "UN": "United Nations"}

region_of = {iso3: region for region, codes in REGIONS.items() for iso3 in codes.split()}
out = Path(__file__).resolve().parent.parent / "seed_countries.csv"
with open(out, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["iso3", "iso2", "name", "region", "is_aggregate", "source"])
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        writer.writerow([c.alpha_3, c.alpha_2, getattr(c, "common_name", None) or c.name, region_of.get(c.alpha_3, ""), "false",
                         "ISO 3166-1 via pycountry; region: World Bank country classification"])
    writer.writerow(["XKX", "XK", "Kosovo", "Europe & Central Asia", "false", "World Bank code for Kosovo (no ISO 3166-1 code)"])
    writer.writerow(["CHI", "", "Channel Islands", "Europe & Central Asia", "false", "World Bank code for Guernsey and Jersey together (no ISO 3166-1 code)"])
    for code, name in AGGREGATES.items():
        writer.writerow([code, "", name, "aggregate", "true", "World Bank aggregate code"])
    for code, name in INTERNATIONAL.items():
        writer.writerow([code, "", name, "international", "false", "sanctioning party code used in fct_sanctions"])
print(f"wrote {out}")
