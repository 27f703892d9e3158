"""A pytest autograder for notebook assignments on recurrent networks."""
