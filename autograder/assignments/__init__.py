"""The course's assignments, one package each; autograder.course finds them (discovery.py) and reads them."""
