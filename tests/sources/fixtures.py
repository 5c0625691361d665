"""Small files in the exact formats analysts download (written by the team)."""

WDI_WITH_PREAMBLE = (
    '\ufeff"Data Source","World Development Indicators",\n\n'
    '"Last Updated Date","2025-07-01",\n\n'
    '"Country Name","Country Code","Indicator Name","Indicator Code","2018","2019","2020",\n'
    '"Iran, Islamic Rep.","IRN","Unemployment, youth total (% of total labor force ages 15-24) (modeled ILO estimate)","SL.UEM.1524.ZS","27.502","25.948","",\n'
    '"Africa Eastern and Southern","AFE","Unemployment, youth total (% of total labor force ages 15-24) (modeled ILO estimate)","SL.UEM.1524.ZS","14.1","14.2","14.4",\n'
    '"Nowhere","QQQ","Unemployment, youth total","SL.UEM.1524.ZS","1","2","3",\n'
    '"Turkiye","TUR","Unemployment, youth total","SL.UEM.1524.ZS","20.011","n/a","24.919",\n'
)

WDI_NO_PREAMBLE = (
    "Country Name,Country Code,Indicator Name,Indicator Code,2019,2020,\n"
    'Iran,IRN,"Inflation, consumer prices (annual %)",FP.CPI.TOTL.ZG,39.9073,30.5941,\n'
)

API_JSON = """[{"page": 1, "pages": 1, "per_page": "50", "total": 3, "sourceid": "2", "lastupdated": "2026-07-01"},
[{"indicator": {"id": "FP.CPI.TOTL.ZG", "value": "Inflation, consumer prices (annual %)"}, "country": {"id": "IR", "value": "Iran, Islamic Rep."}, "countryiso3code": "IRN", "date": "2019", "value": 39.9073, "unit": "", "obs_status": "", "decimal": 1},
 {"indicator": {"id": "FP.CPI.TOTL.ZG", "value": "Inflation, consumer prices (annual %)"}, "country": {"id": "IR", "value": "Iran, Islamic Rep."}, "countryiso3code": "IRN", "date": "2025", "value": null, "unit": "", "obs_status": "", "decimal": 1},
 {"indicator": {"id": "PA.NUS.FCRF", "value": "Official exchange rate"}, "country": {"id": "TR", "value": "Turkiye"}, "countryiso3code": "TUR", "date": "2019M07", "value": 5.7, "unit": "", "obs_status": "", "decimal": 1}]]"""

API_ERROR = '[{"message": [{"id": "120", "key": "Invalid value", "value": "The provided parameter value is not valid"}]}]'

FRED = "observation_date,FPCPITOTLZGIRN\n2018-01-01,18.0141\n2019-01-01,39.9073\n2020-01-01,.\n2021-01-01,abc\n"
FRED_UNKNOWN = "DATE,MYSERIES\n2020-01-01,1\n"

ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
                "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
                "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp")
ACLED = ACLED_HEADER + "\n" + "\n".join([
    'IRN1001,16 November 2019,2019,1,Demonstrations,Protests,Excessive force against protesters,Police Forces of Iran (2019-),,1,'
    'Protesters (Iran),,6,16,,364,Middle East,Iran,Tehran,Tehran,,Tehran,35.6944,51.4215,1,BBC,International,'
    '"On 16 November 2019, police fired on protesters in Tehran.",12,,1575000000',
    'IRN1002,2019-11-17,2019,2,Demonstrations,Protests,Peaceful protest,Protesters (Iran),,6,,,,60,,364,Middle East,Iran,Isfahan,Isfahan,,Isfahan,32.65,51.67,1,IRNA,National,"Protest against petrol prices.",0,,1575000000',
    'IRN1003,not a date,2019,1,Demonstrations,Protests,Peaceful protest,Protesters (Iran),,6,,,,60,,364,Middle East,Iran,,,,X,1,1,1,s,s,notes,0,,1',
    'XXX1004,2019-11-18,2019,1,Demonstrations,Protests,Peaceful protest,Protesters,,6,,,,60,,999,Nowhere,Nowhere,,,,X,1,1,1,s,s,notes,0,,1',
])


def gdelt_row(event_id="1000000001", day="20191116", code="145", actor1_country="IRN", geo_country="IR", actor2_country="",
              geo_type="4", name="Tehran, Tehran, Iran", url="https://example.org/a"):
    fields = [""] * 61
    fields[0], fields[1], fields[2], fields[3], fields[4] = event_id, day, day[:6], day[:4], "2019.8740"
    fields[5], fields[6], fields[7] = "IRNOPP", "IRAN", actor1_country
    fields[15], fields[16], fields[17] = "IRNCOP", "POLICE", actor2_country
    fields[25], fields[26], fields[27], fields[28], fields[29] = "1", code, code[:3], code[:2], "4"
    fields[30], fields[31], fields[32], fields[33], fields[34] = "-6.5", "10", "2", "10", "-5.2"
    fields[51], fields[52], fields[53], fields[54] = geo_type, name, geo_country, "IR26"
    fields[56], fields[57], fields[58], fields[59], fields[60] = "35.6944", "51.4215", "-1", "20191116000000", url
    return "\t".join(fields)
