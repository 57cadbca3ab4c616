"""Word lists shared by several stages (a floor below attribution, claims and events: it imports nothing)."""
