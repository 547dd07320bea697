"""Knowledge graph of Vietnamese people-to-people diplomacy news."""
