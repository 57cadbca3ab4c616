"""Entities: the article's canonical entities (NER mentions, speakers and roles merged), with countries and
sectors. The spaCy component is :mod:`newsgraph.entities.component` (``newsgraph_entities``)."""
