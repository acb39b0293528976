def home(r): pass
def report_list(r): pass
def report_detail(r, tracking_id): pass
