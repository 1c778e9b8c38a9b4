"""What a fresh tester found on the search page (issue 17), fixed on both backends: a NUL
byte in a filter and an absurd page number answer 400 and 404, never a 500."""

import pytest


@pytest.mark.parametrize("name", ["tag", "department", "module", "region", "structure", "type"])
def test_a_nul_byte_in_a_filter_is_refused_calmly(client, name):
    response = client.get(f"/search?q=financement&{name}=x%00")
    assert response.status_code == 400
    assert "caractère" in response.get_data(as_text=True).lower()


def test_a_nul_byte_in_the_words_is_still_read_as_a_space(client):
    assert client.get("/search?q=financement%00local").status_code == 200


def test_an_absurd_page_number_is_past_the_last_page(client, make_user, make_report):
    from forum.search import engine

    make_report(make_user(), title="Financement participatif à Figeac")
    engine().sync()  # Whoosh: the outbox drained (PostgreSQL wrote in the transaction)
    assert client.get("/search?q=financement").status_code == 200
    response = client.get("/search?q=financement&page=99999999999999999999999")
    assert response.status_code == 404
    assert client.get("/reports/?page=99999999999999999999999").status_code == 404
