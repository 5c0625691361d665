"""Writes the curated seeds from the figures recorded in issue 2 ("Data"), verbatim below.

Each output row carries its source. Values are kept as published; a year that is missing
here was not published and is left out.

    .venv/bin/python seeds/scripts/build_seeds.py
"""

import calendar
import csv
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent

WDI = """
EGY FP.CPI.TOTL.ZG: 2000=2.68381 2001=2.26976 2002=2.73724 2003=4.50778 2004=11.2706 2005=4.8694 2006=7.64453 2007=9.31897 2008=18.3168 2009=11.7635 2010=11.2652 2011=10.0649 2012=7.11173 2013=9.46972 2014=10.0702 2015=10.3705 2016=13.8136 2017=29.5066 2018=14.4015 2019=9.1528 2020=5.04493 2021=5.21405 2022=13.8957 2023=33.8848 2024=28.2706 2025=14.0735
EGY PA.NUS.FCRF: 2000=3.47205 2001=3.973 2002=4.49967 2003=5.85088 2004=6.19624 2005=5.77883 2006=5.73317 2007=5.63543 2008=5.4325 2009=5.54455 2010=5.62194 2011=5.93283 2012=6.05606 2013=6.87033 2014=7.07761 2015=7.69126 2016=10.0254 2017=17.7825 2018=17.7673 2019=16.7706 2020=15.7592 2021=15.6445 2022=19.1604 2023=30.6264 2024=45.2993 2025=49.2278
EGY SL.UEM.1524.ZS: 2000=24.99 2001=27.632 2002=26.4 2003=29.427 2004=28.373 2005=31.24 2006=30.516 2007=25.076 2008=25.536 2009=25.219 2010=24.583 2011=29.425 2012=34.44 2013=34.119 2014=32.198 2015=34.16 2016=33.655 2017=32.644 2018=26.252 2019=20.631 2020=18.463 2021=18.21 2022=19.058 2023=19.073 2024=18.71
IRN FP.CPI.TOTL.ZG: 2000=14.4768 2001=11.2742 2002=14.3359 2003=16.468 2004=14.7615 2005=13.4331 2006=10.0159 2007=17.341 2008=25.4105 2009=13.5516 2010=10.0894 2011=26.2934 2012=27.2568 2013=36.603 2014=16.6066 2015=12.4847 2016=7.24543 2017=8.04492 2018=18.0141 2019=39.9073 2020=30.5941 2021=43.389 2022=43.4885 2023=44.5792 2024=32.4559 2025=42.1712
IRN PA.NUS.FCRF: 2000=1764.86 2001=1753.99 2002=6907.03 2003=8193.89 2004=8613.99 2005=8963.96 2006=9170.94 2007=9281.15 2008=9428.53 2009=9864.3 2010=10254.2 2011=10616.3 2012=12175.5 2013=18414.4 2014=25941.7 2015=29011.5 2016=30914.9 2017=33226.3 2018=40864.3 2019=42000 2020=42000 2021=42000 2022=42000 2023=42000
IRN SL.UEM.1524.ZS: 2000=23.082 2001=24.273 2002=25.171 2003=22.682 2004=20.346 2005=23.396 2006=23.534 2007=22.347 2008=23.136 2009=24.716 2010=28.7 2011=26.645 2012=26.894 2013=23.872 2014=24.972 2015=25.962 2016=29.087 2017=28.208 2018=27.502 2019=25.948 2020=23.712 2021=23.752 2022=22.7 2023=22.637 2024=22.754
LBN FP.CPI.TOTL.ZG: 2009=1.1951 2010=3.98348 2011=4.97149 2012=6.58147 2013=4.82102 2014=1.8546 2015=-3.74915 2016=-0.78336 2017=4.32135 2018=6.07699 2019=3.00539 2020=84.8643 2021=154.756 2022=171.205 2023=221.342 2024=45.243 2025=14.5976
LBN PA.NUS.FCRF: 2000=1507.5 2001=1507.5 2002=1507.5 2003=1507.5 2004=1507.5 2005=1507.5 2006=1507.5 2007=1507.5 2008=1507.5 2009=1507.5 2010=1507.5 2011=1507.5 2012=1507.5 2013=1507.5 2014=1507.5 2015=1507.5 2016=1507.5 2017=1507.5 2018=1507.5 2019=1507.5 2020=1507.5 2021=1507.5 2022=1507.5 2023=13875.6 2024=89500 2025=89500
LBN SL.UEM.1524.ZS: 2000=21.07 2001=20.827 2002=20.424 2003=20.125 2004=19.785 2005=20.485 2006=21.25 2007=21.837 2008=18.529 2009=15.27 2010=16.067 2011=17.106 2012=18.146 2013=19.063 2014=19.746 2015=20.569 2016=21.351 2017=22.024 2018=22.652 2019=23.28 2020=27.028 2021=25.427 2022=23.612 2023=23.552
LKA FP.CPI.TOTL.ZG: 2000=6.17628 2001=14.1585 2002=9.55103 2003=6.31464 2004=7.57593 2005=11.6397 2006=10.0202 2007=15.8421 2008=22.5645 2009=3.46496 2010=6.21765 2011=6.71677 2012=7.54291 2013=6.90845 2014=3.179 2015=3.76837 2016=3.95889 2017=7.70414 2018=2.13504 2019=3.52839 2020=6.15395 2021=7.01478 2022=49.7211 2023=16.5412 2024=-0.42936 2025=-4.76386
LKA PA.NUS.FCRF: 2000=77.0051 2001=89.383 2002=95.6621 2003=96.521 2004=101.194 2005=100.498 2006=103.914 2007=110.623 2008=108.334 2009=114.945 2010=113.064 2011=110.565 2012=127.603 2013=129.069 2014=130.565 2015=135.857 2016=145.582 2017=152.446 2018=162.465 2019=178.745 2020=185.593 2021=198.764 2022=322.633 2023=327.507
LKA SL.UEM.1524.ZS: 2000=23.791 2001=24.994 2002=28.537 2003=27.587 2004=28.302 2005=27.7 2006=22.121 2007=21.467 2008=18.731 2009=21.155 2010=18.684 2011=16.758 2012=16.795 2013=17.939 2014=18.781 2015=19.232 2016=20.07 2017=17.391 2018=20.496 2019=20.425 2020=25.449 2021=25.371 2022=21.732 2023=26.262 2024=22.325
TUR FP.CPI.TOTL.ZG: 2000=54.9154 2001=54.4002 2002=44.9641 2003=21.6024 2004=8.59826 2005=8.17916 2006=9.59724 2007=8.75618 2008=10.4441 2009=6.25098 2010=8.56644 2011=6.47188 2012=8.89157 2013=7.49309 2014=8.85457 2015=7.67085 2016=7.77513 2017=11.1443 2018=16.3325 2019=15.1768 2020=12.279 2021=19.5965 2022=72.3088 2023=53.8594 2024=58.5065 2025=34.8812
TUR PA.NUS.FCRF: 2000=0.625219 2001=1.22559 2002=1.50723 2003=1.50089 2004=1.42554 2005=1.34358 2006=1.42845 2007=1.30293 2008=1.30152 2009=1.54996 2010=1.50285 2011=1.67495 2012=1.796 2013=1.90377 2014=2.18854 2015=2.72001 2016=3.02013 2017=3.64813 2018=4.82837 2019=5.67382 2020=7.00861 2021=8.85041 2022=16.5489 2023=23.7386 2024=32.8059 2025=39.4548
TUR SL.UEM.1524.ZS: 2000=12.944 2001=16.048 2002=18.944 2003=20.253 2004=20.333 2005=19.685 2006=18.89 2007=19.807 2008=20.304 2009=25.093 2010=21.578 2011=18.208 2012=17.342 2013=18.442 2014=17.698 2015=18.299 2016=19.369 2017=20.469 2018=20.011 2019=25.039 2020=24.919 2021=22.36 2022=19.289 2023=17.306 2024=15.567
VEN FP.CPI.TOTL.ZG: 2009=27.0809 2010=28.1875 2011=26.0902 2012=21.069 2013=40.6394 2014=62.1686 2015=121.738 2016=254.949
VEN PA.NUS.FCRF: 2000=0.679967 2001=0.723658 2002=1.16095 2003=1.60696 2004=1.89133 2005=2.08975 2006=2.147 2007=2.147 2008=2.147 2009=2.147 2010=2.58206 2011=4.2893 2012=4.2893 2013=6.04796 2014=6.2842 2015=6.2842 2016=9.25734 2017=9.975
VEN SL.UEM.1524.ZS: 2000=23.313 2001=21.86 2002=27.109 2003=27.864 2004=25.219 2005=18.247 2006=15.361 2007=13.574 2008=12.354 2009=12.126 2010=14.178 2011=14.048 2012=14.089 2013=16.224 2014=14.766 2015=13.331 2016=11.677 2017=12.259 2018=12.03 2019=11.754 2020=13.628 2021=12.983 2022=10.691 2023=10.412 2024=10.554
"""

BONBAST = """
2017-01=38920 2017-02=38060 2017-03=37450 2017-04=37560 2017-05=37510 2017-06=37420 2017-07=37870 2017-08=38310 2017-09=39020 2017-10=40090 2017-11=40930 2017-12=41880 2018-01=44570 2018-02=46440 2018-03=46710 2018-04=55540 2018-05=64080 2018-06=72510 2018-07=87210 2018-08=104990 2018-09=145960 2018-10=142550 2018-11=134070 2018-12=110680 2019-01=117470 2019-02=127250 2019-03=133650 2019-04=139170 2019-05=146390 2019-06=133480 2019-07=125020 2019-08=117490 2019-09=115450 2019-10=114700 2019-11=119530 2019-12=131310 2020-01=136060 2020-02=144400 2020-03=158200 2020-04=161650 2020-05=170920 2020-06=187100 2020-07=228330 2020-08=230550 2020-09=267520 2020-10=298400 2020-11=265380 2020-12=259800 2021-01=242960 2021-02=252380 2021-03=251550 2021-04=246160 2021-05=227950 2021-06=241940 2021-07=249960 2021-08=267920 2021-09=275690 2021-10=276300 2021-11=284390 2021-12=301330 2022-01=282510 2022-02=266900 2022-03=262690 2022-04=277360 2022-05=298030 2022-06=318870 2022-07=318860 2022-08=304010 2022-09=311720 2022-10=329200 2022-11=355200 2022-12=388730 2023-01=423120 2023-02=484790 2023-03=498760 2023-04=517820 2023-05=524310 2023-06=496270 2023-07=493240 2023-08=493550 2023-09=496280 2023-10=509420 2023-11=509730 2023-12=503840 2024-01=535980 2024-02=567530 2024-03=604600 2024-04=640870 2024-05=596470 2024-06=596020 2024-07=588950 2024-08=597030 2024-09=597000 2024-10=645710 2024-11=691270 2024-12=758820 2025-01=819950 2025-02=906860 2025-03=969400 2025-04=906180 2025-05=828340 2025-06=871920 2025-07=887100 2025-08=949820 2025-09=1036120 2025-10=1104020 2025-11=1115350 2025-12=1297400 2026-01=1453740 2026-02=1615960 2026-03=1534690 2026-04=1581570 2026-05=1778320 2026-06=1685130 2026-07=1847230 2026-08=1883430
"""

SANCTIONS = """
2010-06-09 | UN | impose | arms, finance, nuclear | UN Security Council Resolution 1929: arms embargo, asset freezes, financial limits, missile ban
2010-07-01 | USA | impose | oil, banking | CISADA signed into law: refined petroleum and banks
2012-01-23 | EU | impose | oil, central bank, gold | Council Decision 2012/35/CFSP: ban on Iranian crude, petroleum and petrochemical imports (existing oil contracts allowed until 2012-07-01), central bank assets frozen
2015-07-14 | UN/USA/EU | agreement | nuclear | JCPOA agreed (no sanction change yet)
2016-01-16 | USA, EU | lift | broad | JCPOA Implementation Day: nuclear-related sanctions relief takes effect
2018-05-08 | USA | withdraw_agreement | all | US withdraws from the JCPOA; NSPM-11 sets 90- and 180-day wind-downs
2018-08-07 | USA | reimpose | banknotes, gold, metals, currency, sovereign debt, autos | Executive Order 13846 (signed 2018-08-06) first wave
2018-11-05 | USA | reimpose | oil, shipping, ports, central bank, financial messaging, insurance | second wave; more than 700 names listed; oil waivers for 8 buyers
2019-04-15 | USA | impose | security | IRGC designated a Foreign Terrorist Organization (announced 2019-04-08)
2019-05-02 | USA | tighten | oil | oil purchase waivers expire (announced 2019-04-22)
2019-05-08 | USA | impose | metals | Executive Order 13871: iron, steel, aluminum, copper
2019-06-24 | USA | impose | individuals | Executive Order 13876: the Supreme Leader's office and network
2019-09-20 | USA | impose | central bank | Central Bank, National Development Fund, Etemad Tejarat Pars designated (EO 13224)
2020-01-10 | USA | impose | construction, mining, manufacturing, textiles | Executive Order 13902
2020-10-08 | USA | impose | financial | financial sector designated under EO 13902; 18 banks
2022-10-17 | EU | impose | human rights, individuals | morality police, law-enforcement forces and others listed (11 people, 4 entities) over the crackdown on protests
2025-02-04 | USA | tighten | oil, financial | NSPM-2 "maximum pressure", aim to drive oil exports to zero
2025-08-28 | GBR, FRA, DEU | snapback_triggered | all | UN snapback process triggered
2025-09-27 | UN | reimpose | arms, nuclear, missiles, individuals | Resolutions 1696, 1737, 1747, 1803, 1835, 1929 re-applied; 43 people and 78 entities relisted
2025-09-29 | EU | reimpose | oil, gas, petrochemicals, central bank, financial messaging, gold, cargo flights | nuclear-related EU sanctions reimposed (Regulation 2025/1975 and others)
2026-01-29 | EU | impose | security, human rights, individuals | political agreement to list the IRGC as a terrorist organisation; visa bans and asset freezes on officials and entities
"""

WAVES = """
2009 Green Movement | 2009-06-13 | disputed presidential election of 2009-06-12 | deaths: 36 (government); 69 (list submitted to parliament by a Mousavi aide; opposition); 72 (opposition) | arrests: 4,000 (judiciary; state)
2017-18 Dey protests | 2017-12-28 | prices and corruption, began in Mashhad | deaths: 25 (judiciary spokesman, 2018-01-14; state); at least 21 (Associated Press; media) | arrests: about 3,700 (MP Mahmoud Sadeghi; state)
November 2019 | 2019-11-15 | petrol price rise from 10,000 to 15,000 rials per litre (30,000 above the quota) | deaths: at least 106 (Amnesty, 2019-11-19), 143 (2019-11-25), 208 (2019-12-02), 304 (2019-12-16) (ngo); about 1,500 (Reuters, 2019-12-23, citing three Interior Ministry officials; media); about 400 (UN experts; international_org); 230 incl. 6 security personnel (MP Mojtaba Zolnour, 2020-06-01; state) | arrests: about 7,000 (MP Hossein Naghavi-Hosseini, 2019-11-27; state); more than 4,000 (Center for Human Rights in Iran; ngo)
2022 Woman, Life, Freedom | 2022-09-17 | death of Mahsa Amini in morality-police custody on 2022-09-16 | deaths: 551 incl. 68 children (Iran Human Rights, 2023-09-15; ngo); 481 (HRANA, 2022-12-07; ngo); more than 300 incl. security forces (IRGC general Amirali Hajizadeh, late Nov 2022; state) | arrests: 18,242 (HRANA, 2022-12-07; ngo); more than 22,000 (Amnesty; ngo) | executions: 7 by Sept 2023 (AFP; media)
2025-26 protests | 2025-12-28 | bazaar strikes in Tehran over the rial's collapse and inflation; internet blackout from 2026-01-08 | deaths: 3,117 (government, 2026-01-21; state); at least 5,000 incl. about 500 security personnel (unnamed Iranian official to Reuters, 2026-01-18; state); at least 3,428 verified (Iran Human Rights; ngo); 6,964 (HRANA, 2026-02-09; ngo) | arrests: about 3,000 (authorities; state); 51,790 (HRANA, 2026-02-09; ngo)
"""

WDI_SERIES = {
    "FP.CPI.TOTL.ZG": ("inflation_cpi_pct", "percent",
                       'World Bank WDI, "Inflation, consumer prices (annual %)", release of 2026-07-01'),
    "PA.NUS.FCRF": ("fx_official_lcu_per_usd", "lcu_per_usd",
                    'World Bank WDI, "Official exchange rate (LCU per US$, period average)", release of 2026-07-01'),
    "SL.UEM.1524.ZS": ("youth_unemployment_pct", "percent",
                       'World Bank WDI, "Unemployment, youth total (% of total labor force ages 15-24) (modeled ILO estimate)", release of 2025-07-01'),
}
BONBAST_SOURCE = "Bonbast daily archive: monthly mean of daily free-market US dollar selling quotes (tomans x10 = rials)"

# The wave claims, one row per figure of the WAVES block above, coded by the rules in
# README ("at least"/"more than" N → at_least, low N; "about" N → about, low = high = N).
# (wave_id, quantity, low, high, value_text, qualifier, claimant, claimant_type, claimed_on, victim_group, source_ref)
WAVE_CLAIMS = [
    ("irn-2009-green-movement", "deaths", 36, 36, "36", "exact", "Iranian government", "state", "", "", "Iranian government"),
    ("irn-2009-green-movement", "deaths", 69, 69, "69", "exact", "Mousavi aide (list submitted to parliament)", "opposition", "", "", "list submitted to parliament by a Mousavi aide"),
    ("irn-2009-green-movement", "deaths", 72, 72, "72", "exact", "opposition", "opposition", "", "", "opposition"),
    ("irn-2009-green-movement", "arrests", 4000, 4000, "4,000", "exact", "judiciary", "state", "", "", "judiciary"),
    ("irn-2017-dey", "deaths", 25, 25, "25", "exact", "judiciary spokesman", "state", "2018-01-14", "", "judiciary spokesman, 2018-01-14"),
    ("irn-2017-dey", "deaths", 21, None, "at least 21", "at_least", "Associated Press", "media", "", "", "Associated Press"),
    ("irn-2017-dey", "arrests", 3700, 3700, "about 3,700", "about", "MP Mahmoud Sadeghi", "state", "", "", "MP Mahmoud Sadeghi"),
    ("irn-2019-november", "deaths", 106, None, "at least 106", "at_least", "Amnesty International", "ngo", "2019-11-19", "", "Amnesty International, 2019-11-19"),
    ("irn-2019-november", "deaths", 143, None, "143", "at_least", "Amnesty International", "ngo", "2019-11-25", "", "Amnesty International, 2019-11-25 (update of its minimum verified toll)"),
    ("irn-2019-november", "deaths", 208, None, "208", "at_least", "Amnesty International", "ngo", "2019-12-02", "", "Amnesty International, 2019-12-02 (update of its minimum verified toll)"),
    ("irn-2019-november", "deaths", 304, None, "304", "at_least", "Amnesty International", "ngo", "2019-12-16", "", "Amnesty International, 2019-12-16 (update of its minimum verified toll)"),
    ("irn-2019-november", "deaths", 1500, 1500, "about 1,500", "about", "Reuters (citing three Interior Ministry officials)", "media", "2019-12-23", "", "Reuters, 2019-12-23, citing three Interior Ministry officials"),
    ("irn-2019-november", "deaths", 400, 400, "about 400", "about", "UN experts", "international_org", "", "", "UN experts"),
    ("irn-2019-november", "deaths", 230, 230, "230 incl. 6 security personnel", "exact", "MP Mojtaba Zolnour", "state", "2020-06-01", "security personnel: 6", "MP Mojtaba Zolnour, 2020-06-01"),
    ("irn-2019-november", "arrests", 7000, 7000, "about 7,000", "about", "MP Hossein Naghavi-Hosseini", "state", "2019-11-27", "", "MP Hossein Naghavi-Hosseini, 2019-11-27"),
    ("irn-2019-november", "arrests", 4000, None, "more than 4,000", "at_least", "Center for Human Rights in Iran", "ngo", "", "", "Center for Human Rights in Iran"),
    ("irn-2022-woman-life-freedom", "deaths", 551, 551, "551 incl. 68 children", "exact", "Iran Human Rights", "ngo", "2023-09-15", "children: 68", "Iran Human Rights, 2023-09-15"),
    ("irn-2022-woman-life-freedom", "deaths", 481, 481, "481", "exact", "HRANA", "ngo", "2022-12-07", "", "HRANA, 2022-12-07"),
    ("irn-2022-woman-life-freedom", "deaths", 300, None, "more than 300 incl. security forces", "at_least", "IRGC general Amirali Hajizadeh", "state", "", "security forces", "IRGC general Amirali Hajizadeh, late Nov 2022"),
    ("irn-2022-woman-life-freedom", "arrests", 18242, 18242, "18,242", "exact", "HRANA", "ngo", "2022-12-07", "", "HRANA, 2022-12-07"),
    ("irn-2022-woman-life-freedom", "arrests", 22000, None, "more than 22,000", "at_least", "Amnesty International", "ngo", "", "", "Amnesty International"),
    ("irn-2022-woman-life-freedom", "executions", 7, 7, "7 by Sept 2023", "exact", "AFP", "media", "", "", "AFP (count by September 2023)"),
    ("irn-2025-26", "deaths", 3117, 3117, "3,117", "exact", "government", "state", "2026-01-21", "", "Iranian government, 2026-01-21"),
    ("irn-2025-26", "deaths", 5000, None, "at least 5,000 incl. about 500 security personnel", "at_least", "unnamed Iranian official (to Reuters)", "state", "2026-01-18", "security personnel: about 500", "unnamed Iranian official to Reuters, 2026-01-18"),
    ("irn-2025-26", "deaths", 3428, None, "at least 3,428 verified", "at_least", "Iran Human Rights", "ngo", "", "", "Iran Human Rights"),
    ("irn-2025-26", "deaths", 6964, 6964, "6,964", "exact", "HRANA", "ngo", "2026-02-09", "", "HRANA, 2026-02-09"),
    ("irn-2025-26", "arrests", 3000, 3000, "about 3,000", "about", "authorities", "state", "", "", "Iranian authorities"),
    ("irn-2025-26", "arrests", 51790, 51790, "51,790", "exact", "HRANA", "ngo", "2026-02-09", "", "HRANA, 2026-02-09"),
]
WAVE_IDS = ["irn-2009-green-movement", "irn-2017-dey", "irn-2019-november", "irn-2022-woman-life-freedom", "irn-2025-26"]

INSTRUMENTS = [  # source_ref for each timeline line, in order: the instrument its description names
    "UN Security Council Resolution 1929", "CISADA (Comprehensive Iran Sanctions, Accountability, and Divestment Act)",
    "Council Decision 2012/35/CFSP", "JCPOA", "JCPOA Implementation Day", "NSPM-11", "Executive Order 13846",
    "Executive Order 13846 (second wave)", "IRGC Foreign Terrorist Organization designation", "Expiry of oil purchase waivers",
    "Executive Order 13871", "Executive Order 13876", "EO 13224 designations", "Executive Order 13902",
    "EO 13902 financial sector designation", "EU Council listing of 2022-10-17", "NSPM-2",
    "E3 snapback notification to the UN Security Council", "UN Security Council Resolutions 1696, 1737, 1747, 1803, 1835, 1929",
    "Regulation (EU) 2025/1975", "EU political agreement on listing the IRGC",
]


def write(name, header, rows):
    with open(SEEDS / name, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def indicator_rows():
    rows = []
    for line in WDI.strip().splitlines():
        head, values = line.split(":", 1)
        country, code = head.split()
        indicator, unit, source = WDI_SERIES[code]
        for pair in values.split():
            year, value = pair.split("=")
            rows.append([country, indicator, "A", f"{year}-01-01", f"{year}-12-31", value, unit, source, code])
    for pair in BONBAST.split():
        month, value = pair.split("=")
        y, m = (int(x) for x in month.split("-"))
        last = calendar.monthrange(y, m)[1]
        rows.append(["IRN", "fx_market_lcu_per_usd", "M", f"{y}-{m:02d}-01", f"{y}-{m:02d}-{last:02d}", value,
                     "lcu_per_usd", BONBAST_SOURCE, "BONBAST.USD.SELL"])
    return rows


def sanction_rows():
    rows = []
    lines = [l for l in SANCTIONS.strip().splitlines() if l.strip()]
    assert len(lines) == len(INSTRUMENTS), (len(lines), len(INSTRUMENTS))
    for line, instrument in zip(lines, INSTRUMENTS):
        date, parties, action, sectors, description = (p.strip() for p in line.split("|", 4))
        announced = re.search(r"\((?:announced|signed) (\d{4}-\d{2}-\d{2})\)", description)
        sector_codes = ";".join(s.strip().lower().replace(" ", "_") for s in sectors.split(","))
        for party in re.split(r"[/,]\s*", parties):
            party = party.strip()
            rows.append([f"{date}-{party.lower()}-{action}", party, "IRN", action, sector_codes,
                         announced.group(1) if announced else date, date, "", description, "seed", instrument])
    return rows


def wave_rows():
    rows = []
    for wave_id, line in zip(WAVE_IDS, WAVES.strip().splitlines()):
        name, start, trigger, *_ = (p.strip() for p in line.split("|"))
        rows.append([wave_id, name, "IRN", start, trigger, "curated reference timeline of Iranian protest waves (issue 2, Data)"])
    return rows


def wave_claim_rows():
    counters = {}
    rows = []
    for wave_id, quantity, low, high, text, qualifier, claimant, ctype, claimed_on, group, ref in WAVE_CLAIMS:
        n = counters[(wave_id, quantity)] = counters.get((wave_id, quantity), 0) + 1
        rows.append([f"{wave_id}-{quantity}-{n}", wave_id, quantity, low, "" if high is None else high, text, qualifier,
                     claimant, ctype, claimed_on, group, ref])
    return rows


if __name__ == "__main__":
    write("seed_indicator_observations.csv",
          ["country_iso3", "indicator", "frequency", "period_start", "period_end", "value", "unit", "source", "source_series_code"],
          indicator_rows())
    write("seed_sanctions.csv",
          ["sanction_id", "sanctioning_party", "target_iso3", "action", "sectors", "announced_date", "effective_date",
           "end_date", "description", "source", "source_ref"],
          sanction_rows())
    write("seed_protest_waves.csv", ["wave_id", "name", "country_iso3", "start_date", "trigger", "source_ref"], wave_rows())
    write("seed_wave_claims.csv",
          ["claim_id", "wave_id", "quantity", "value_low", "value_high", "value_text", "qualifier", "claimant",
           "claimant_type", "claimed_on", "victim_group", "source_ref"],
          wave_claim_rows())
