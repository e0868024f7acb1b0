"""The citizen's job search: the job-search log ("Joblog") and the plan ("Min plan")."""
