"""publiccode.yml follows the standard (version 0.4) and says what is true of this release.

No validator package exists on PyPI; this checks the standard's mandatory keys, its controlled
vocabularies and lengths, the date format, and that the file agrees with pyproject.toml and the
repository (version, licence, screenshots)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = set(
    """accounting agile-project-management applicant-tracking application-development
    appointment-scheduling backup billing-and-invoicing blog budgeting business-intelligence
    business-process-management cad call-center-management cloud-management collaboration
    communications compliance-management contact-management content-management crm
    customer-service-and-support data-analytics data-collection data-visualization design
    design-system digital-asset-management digital-citizenship document-management
    donor-management e-commerce e-signature educational-content email-management
    email-marketing employee-management enterprise-project-management
    enterprise-social-networking erp event-management facility-management
    feedback-and-reviews-management financial-reporting fleet-management fundraising
    gamification geographic-information-systems grant-management graphic-design help-desk hr
    ide identity-management instant-messaging inventory-management it-asset-management
    it-development it-management it-security it-service-management knowledge-management
    learning-management-system marketing mind-mapping mobile-marketing mobile-payment
    network-management office online-booking online-community payment-gateway payroll
    predictive-analysis procurement productivity-suite project-collaboration project-management
    property-management real-estate-management remote-support resource-management
    sales-management seo service-desk social-media-management survey talent-management
    task-management taxes-management test-management time-management time-tracking
    translation video-conferencing video-editing visitor-management voip warehouse-management
    web-collaboration web-conferencing website-builder whistleblowing workflow-management""".split()  # noqa: SIM905 - the standard's list as it reads
)
SCOPES = set(
    """agriculture culture defence education emergency-services employment energy environment
    finance-and-economic-development foreign-affairs government healthcare infrastructures
    justice local-authorities manufacturing research science-and-technology security society
    sport tourism transportation welfare""".split()  # noqa: SIM905 - as above
)
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}


def load() -> dict:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_mandatory_keys_and_vocabularies():
    pc = load()
    for key in (
        "publiccodeYmlVersion",
        "name",
        "url",
        "platforms",
        "categories",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
    ):
        assert pc.get(key), key
    assert pc["publiccodeYmlVersion"] == "0.4"
    assert pc["url"].startswith("https://")
    assert set(pc["categories"]) <= CATEGORIES
    assert set(pc["intendedAudience"]["scope"]) <= SCOPES
    assert pc["intendedAudience"]["countries"] == ["nl"]
    assert pc["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert pc["softwareType"] in SOFTWARE_TYPES
    assert pc["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    if pc["maintenance"]["type"] in {"internal", "community"}:
        assert all(c.get("name") for c in pc["maintenance"]["contacts"])
    assert isinstance(pc["localisation"]["localisationReady"], bool)
    assert pc["localisation"]["availableLanguages"]
    for dependency in pc.get("dependsOn", {}).get("open", []):
        assert dependency["name"]


def test_descriptions_in_dutch_and_english_within_the_limits():
    pc = load()
    assert {"nl", "en"} <= set(pc["description"])
    for taal, tekst in pc["description"].items():
        assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", taal)
        assert len(tekst["shortDescription"]) <= 150, taal
        assert 150 <= len(tekst["longDescription"]) <= 10_000, taal
        assert tekst["features"], taal
        for pad in tekst.get("screenshots", []):
            assert (ROOT / pad).is_file(), pad


def test_agrees_with_the_release():
    pc = load()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert pc["softwareVersion"] == project["version"]
    assert pc["legal"]["license"] == project["license"]
    released = dt.date.fromisoformat(pc["releaseDate"])  # YYYY-MM-DD is the only format allowed
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", pc["releaseDate"])
    assert released <= dt.date.today()
    python = next(d for d in pc["dependsOn"]["open"] if d["name"] == "Python")
    assert project["requires-python"].startswith(f">={python['versionMin']}")
