"""gdlib: gradient descent in plain NumPy (placeholder until the library lands)."""
