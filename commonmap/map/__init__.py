"""Stage 2, Directory → the maps: /karta/ and the point picker composed in folium, records placed in
areas with geopandas, and the coverage layer. Never import this package as a bare name `map`."""
