def test_fixture_municipality(generalist, inwoner_noord):
    assert inwoner_noord.zoeknaam == "jansen anna"
    assert generalist.user.groups.filter(name="generalist").exists()
